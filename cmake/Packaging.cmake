# SPDX-License-Identifier: GPL-3.0-or-later
# The .deb: `cpack -G DEB` in the build folder writes backprop-studio_VERSION_ARCH.deb. Its
# Depends are the shared libraries the executables link (dpkg-shlibdeps: Qt, ONNX, protobuf, ...)
# and what they open at run time without linking it: the fonts the canvas draws with, the icon
# theme's folders. The Qt platform plugins (xcb) and the SVG icon engine come with libqt6gui6 and
# libqt6svg6, which the executables link.
set(CPACK_PACKAGE_NAME backprop-studio)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Backprop Studio developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "step through backpropagation on a computation graph, edge by edge")
set(CPACK_PACKAGE_DESCRIPTION
    "Backprop Studio teaches backpropagation. Open a computation graph, typed in a small language or a
PyTorch model exported to ONNX, and it draws the graph with every forward value in blue and every
gradient in red, then steps through the backward pass one edge at a time with the chain-rule
arithmetic written out with the numbers. A command line evaluates, traces, trains, checks,
renders and converts graphs without a display.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGE_CONTACT "The Backprop Studio developers <backprop-studio@users.noreply.github.com>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, hicolor-icon-theme")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-qpa-plugins, fonts-noto-cjk, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3-torch")
set(CPACK_GENERATOR DEB)
include(CPack)

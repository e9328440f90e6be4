// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/language/call_table.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "core/graph/name_index.h"
#include "core/ops/op_table.h"

namespace bp {
namespace {

// Every callable name with the ops it may mean, in an open-addressing table made once: a scan of
// the op table per call was a tenth of reading a long chain, and a std::unordered_map's lookup a
// few percent.
class CallTable {
public:
    CallTable() {
        for (const OpDef& def : allOps()) {
            if (def.attrCount > 3) continue;
            const std::string_view called = def.bpg.form == Form::Function ? def.bpg.text : def.name;
            auto entry = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.name == called; });
            if (entry == entries_.end()) entry = entries_.insert(entries_.end(), Entry{called, {}});
            entry->ops.push_back(&def);
        }
        std::size_t size = 16;
        while (size < 4 * entries_.size()) size *= 2;  // at most a quarter full: probes are short
        slots_.assign(size, -1);
        for (std::size_t k = 0; k < entries_.size(); ++k) {
            if (entries_[k].ops.size() > 32)  // chooseOp marks the fitting ones in 32 bits
                throw std::logic_error("more than 32 ops called " + std::string(entries_[k].name));
            std::size_t i = hashName(entries_[k].name) & (size - 1);
            while (slots_[i] >= 0) i = (i + 1) & (size - 1);
            slots_[i] = static_cast<int>(k);
        }
    }
    // The ops called `name` (none for a name no op has).
    const std::vector<const OpDef*>& find(std::string_view name) const {
        for (std::size_t i = hashName(name) & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
            if (slots_[i] < 0) return none_;
            const Entry& entry = entries_[static_cast<std::size_t>(slots_[i])];
            if (sameName(entry.name, name)) return entry.ops;
        }
    }

private:
    struct Entry {
        std::string_view name;
        std::vector<const OpDef*> ops;
    };
    std::vector<Entry> entries_;
    std::vector<int> slots_;  // an index into entries_, or -1; a power of two in size
    std::vector<const OpDef*> none_;
};

}  // namespace

const std::vector<const OpDef*>& callCandidates(std::string_view name) {
    static const CallTable table;
    return table.find(name);
}

}  // namespace bp

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Evaluates a written-out equation's numbers and operators ("[3·0.7311 + 4·0.8808, σ(2)]") with
// interval arithmetic: every number written with 4 significant digits stands for the interval it
// rounds from, so a result "shown to the shown precision" can be checked honestly: the shown
// result's interval must meet the computed one.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bp::test {

struct Interval {
    double lo = 0, hi = 0;
};

// Half a unit in the 4th significant digit of x (0 for an exact 0).
inline double halfUlp(double x) {
    if (x == 0) return 0;
    return 0.5 * std::pow(10.0, std::floor(std::log10(std::abs(x))) - 3);
}

class WrittenEquation {
public:
    // The entries the text evaluates to, flattened row by row; nullopt when it is not plain
    // arithmetic (symbols, "…", inf or nan).
    static std::optional<std::vector<Interval>> evaluate(std::string_view text) {
        WrittenEquation p(text);
        auto v = p.list();
        p.skipSpace();
        if (!v || !p.ok_ || p.pos_ != p.s_.size()) return std::nullopt;
        return v;
    }

private:
    using Value = std::vector<Interval>;
    explicit WrittenEquation(std::string_view s) : s_(s) {}

    std::string_view s_;
    std::size_t pos_ = 0;
    bool ok_ = true;

    void skipSpace() {
        while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
    }
    bool eat(std::string_view token) {
        skipSpace();
        if (s_.substr(pos_, token.size()) != token) return false;
        pos_ += token.size();
        return true;
    }
    std::optional<Value> fail() {
        ok_ = false;
        return std::nullopt;
    }

    std::optional<Value> list() {
        skipSpace();
        if (!eat("[")) return expr();
        Value out;
        do {
            auto v = list();
            if (!v) return fail();
            out.insert(out.end(), v->begin(), v->end());
        } while (eat(","));
        if (!eat("]")) return fail();
        return out;
    }

    template <typename F>
    static std::optional<Value> combine(const Value& a, const Value& b, F f) {
        if (a.size() != b.size() && a.size() != 1 && b.size() != 1) return std::nullopt;
        Value out(std::max(a.size(), b.size()));
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = f(a[a.size() == 1 ? 0 : i], b[b.size() == 1 ? 0 : i]);
        return out;
    }
    static Interval add(Interval a, Interval b) { return {a.lo + b.lo, a.hi + b.hi}; }
    static Interval sub(Interval a, Interval b) { return {a.lo - b.hi, a.hi - b.lo}; }
    static Interval mul(Interval a, Interval b) {
        const double p[] = {a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi};
        return {*std::min_element(p, p + 4), *std::max_element(p, p + 4)};
    }
    static Interval div(Interval a, Interval b) {
        if (b.lo <= 0 && b.hi >= 0) return {-INFINITY, INFINITY};
        return mul(a, {1 / b.hi, 1 / b.lo});
    }
    static Interval power(Interval a, Interval p) {
        const double e = (p.lo + p.hi) / 2;  // exponents are written exactly
        double lo = std::min(std::pow(a.lo, e), std::pow(a.hi, e)), hi = std::max(std::pow(a.lo, e), std::pow(a.hi, e));
        if (a.lo < 0 && a.hi > 0 && e > 0) lo = std::min(lo, 0.0);
        return {lo, hi};
    }

    std::optional<Value> expr() {
        auto left = term();
        while (left) {
            if (eat("+")) {
                auto r = term();
                if (!r) return fail();
                left = combine(*left, *r, add);
            } else if (eat("−")) {
                auto r = term();
                if (!r) return fail();
                left = combine(*left, *r, sub);
            } else {
                break;
            }
        }
        return left;
    }

    std::optional<Value> term() {
        auto left = unary();
        while (left) {
            if (eat("·") || eat("×")) {
                auto r = unary();
                if (!r) return fail();
                left = combine(*left, *r, mul);
            } else if (eat("/")) {
                auto r = unary();
                if (!r) return fail();
                left = combine(*left, *r, div);
            } else {
                break;
            }
        }
        return left;
    }

    std::optional<Value> unary() {
        if (eat("−")) {
            auto v = unary();
            if (!v) return fail();
            for (Interval& i : *v) i = {-i.hi, -i.lo};
            return v;
        }
        auto base = atom();
        while (base) {
            if (eat("²")) {
                base = combine(*base, Value{{2, 2}}, power);
            } else if (eat("^")) {
                auto e = atom();
                if (!e) return fail();
                base = combine(*base, *e, power);
            } else {
                break;
            }
        }
        return base;
    }

    template <typename F>
    std::optional<Value> call(F f) {
        if (!eat("(")) return fail();
        auto v = expr();
        if (!v || !eat(")")) return fail();
        for (Interval& i : *v) {  // monotonic over the tiny interval of a written number
            const double lo = f(i.lo), hi = f(i.hi);
            i = {std::min(lo, hi), std::max(lo, hi)};
        }
        return v;
    }

    std::optional<Value> atom() {
        skipSpace();
        if (eat("(")) {
            auto v = expr();
            if (!v || !eat(")")) return fail();
            return v;
        }
        if (eat("[")) {
            --pos_;
            return list();
        }
        if (eat("|")) {
            auto v = expr();
            if (!v || !eat("|")) return fail();
            for (Interval& i : *v) {
                const double a = std::abs(i.lo), b = std::abs(i.hi);
                i = {i.lo <= 0 && i.hi >= 0 ? 0.0 : std::min(a, b), std::max(a, b)};
            }
            return v;
        }
        if (eat("σ")) return call([](double x) { return 1 / (1 + std::exp(-x)); });
        if (eat("tanh")) return call([](double x) { return std::tanh(x); });
        if (eat("exp")) return call([](double x) { return std::exp(x); });
        if (eat("log")) return call([](double x) { return std::log(x); });
        if (eat("relu")) return call([](double x) { return std::max(x, 0.0); });
        if (eat("√")) return call([](double x) { return std::sqrt(x); });
        if (eat("softplus")) return call([](double x) { return std::log1p(std::exp(x)); });
        if (eat("sin")) return call([](double x) { return std::sin(x); });
        if (eat("cos")) return call([](double x) { return std::cos(x); });
        if (eat("erf")) return call([](double x) { return std::erf(x); });
        if (eat("gelu")) return call([](double x) { return 0.5 * x * (1 + std::erf(x * M_SQRT1_2)); });
        return number();
    }

    std::optional<Value> number() {
        skipSpace();
        const char* begin = s_.data() + pos_;
        char* end = nullptr;
        if (pos_ >= s_.size() || !(std::isdigit(static_cast<unsigned char>(*begin)) || *begin == '-')) return fail();
        const std::string copy(s_.substr(pos_, std::min<std::size_t>(40, s_.size() - pos_)));
        const double x = std::strtod(copy.c_str(), &end);
        if (end == copy.c_str() || !std::isfinite(x)) return fail();
        pos_ += std::size_t(end - copy.c_str());
        return Value{{x - halfUlp(x), x + halfUlp(x)}};
    }
};

}  // namespace bp::test

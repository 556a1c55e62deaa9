// The IKM of PermenPANRB 14/2017: vectors I1-I5, the mutu
// boundaries, missing answers and the argument errors.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "kinerja/error.hpp"
#include "kinerja/ikm.hpp"

using kinerja::IkmMutu;
using kinerja::IkmWeight;
using kinerja::Rational;

namespace {

using Answers = std::vector<std::uint8_t>;

Rational dec(const char* text) { return Rational::parse(text); }

// Vector I1: 4 respondents x 9 unsur.
const Answers i1_answers = {
    4, 3, 3, 4, 3, 4, 4, 3, 2,  //
    3, 3, 2, 4, 4, 3, 4, 3, 3,  //
    4, 4, 3, 4, 3, 3, 3, 3, 3,  //
    3, 3, 3, 4, 3, 3, 3, 3, 3,  //
};

// `rows` respondents who all give `value` to every unsur.
Answers uniform(std::size_t rows, std::uint8_t value) { return Answers(rows * kinerja::ikm_unsur_count, value); }

kinerja::IkmResult compute(const Answers& answers, IkmWeight weight = IkmWeight::ExactOneNinth) {
  return kinerja::compute_ikm(answers.data(), answers.size() / kinerja::ikm_unsur_count, weight);
}

// Expects compute_ikm to throw errc::InvalidArgument with a message containing `fragment`.
void check_invalid(const std::uint8_t* answers, std::size_t respondents, const std::string& fragment) {
  try {
    kinerja::compute_ikm(answers, respondents);
    FAIL("no error for: " << fragment);
  } catch (const kinerja::error& e) {
    CHECK(e.code() == kinerja::errc::InvalidArgument);
    CHECK_MESSAGE(e.message().find(fragment) != std::string::npos, e.message());
  }
}

}  // namespace

TEST_SUITE("scoring") {
  TEST_CASE("I1: the NRR of each unsur is the mean of its answers and the IKM is 81.25, mutu B") {
    const auto r = compute(i1_answers);
    CHECK(r.respondents == 4);
    const char* expected_nrr[] = {"3.50", "3.25", "2.75", "4.00", "3.25", "3.25", "3.50", "3.00", "2.75"};
    for (std::size_t u = 0; u < kinerja::ikm_unsur_count; ++u) {
      CAPTURE(u);
      CHECK(r.answered[u] == 4);
      CHECK(r.nrr[u] == dec(expected_nrr[u]));
    }
    CHECK(r.ikm_raw == dec("3.25"));
    CHECK(r.ikm == dec("81.25"));
    CHECK(r.ikm_rounded == dec("81.25"));
    CHECK(r.mutu == IkmMutu::B);
  }

  TEST_CASE("I2: the printed bobot 0.11 turns I1 into 80.4375, still B") {
    const auto r = compute(i1_answers, IkmWeight::Regulation011);
    CHECK(r.ikm_raw == dec("3.2175"));
    CHECK(r.ikm == dec("80.4375"));
    CHECK(r.ikm_rounded == dec("80.44"));
    CHECK(r.mutu == IkmMutu::B);
  }

  TEST_CASE("I3: all answers 4 give 100 with 1/9 and 99 with 0.11, both A") {
    const Answers answers = uniform(3, 4);
    const auto exact = compute(answers);
    CHECK(exact.ikm == Rational(100));
    CHECK(exact.mutu == IkmMutu::A);
    const auto printed = compute(answers, IkmWeight::Regulation011);
    CHECK(printed.ikm == Rational(99));
    CHECK(printed.ikm_rounded == Rational(99));
    CHECK(printed.mutu == IkmMutu::A);
    CHECK(compute(answers, IkmWeight::Regulation0111).ikm == dec("99.9"));
  }

  TEST_CASE("I4 and I4': every NRR 3.54 is 88.50 A, but the bobot 0.11 flips it to 87.615 B") {
    // 50 respondents: 27 answer 4 and 23 answer 3 to every unsur, so each NRR is 177/50 = 3.54.
    Answers answers = uniform(27, 4);
    const Answers threes = uniform(23, 3);
    answers.insert(answers.end(), threes.begin(), threes.end());

    const auto exact = compute(answers);
    for (const Rational& nrr : exact.nrr) CHECK(nrr == dec("3.54"));
    CHECK(exact.ikm == dec("88.5"));
    CHECK(exact.mutu == IkmMutu::A);

    const auto printed = compute(answers, IkmWeight::Regulation011);
    CHECK(printed.ikm_raw == dec("3.5046"));
    CHECK(printed.ikm == dec("87.615"));
    CHECK(printed.ikm_rounded == dec("87.62"));
    CHECK(printed.mutu == IkmMutu::B);
  }

  TEST_CASE("I5: all answers 2 give 50.00 and 49.50, both D") {
    const Answers answers = uniform(5, 2);
    CHECK(compute(answers).ikm == Rational(50));
    CHECK(compute(answers).mutu == IkmMutu::D);
    CHECK(compute(answers, IkmWeight::Regulation011).ikm == dec("49.5"));
    CHECK(compute(answers, IkmWeight::Regulation011).mutu == IkmMutu::D);
  }

  TEST_CASE("the mutu thresholds are exact and apply to the NIK rounded half-up to 2 decimals") {
    CHECK(kinerja::ikm_mutu(dec("100")) == IkmMutu::A);
    CHECK(kinerja::ikm_mutu(dec("88.31")) == IkmMutu::A);
    CHECK(kinerja::ikm_mutu(dec("88.305")) == IkmMutu::A);  // rounds to 88.31
    CHECK(kinerja::ikm_mutu(dec("88.3049999")) == IkmMutu::B);
    CHECK(kinerja::ikm_mutu(dec("88.30")) == IkmMutu::B);
    CHECK(kinerja::ikm_mutu(dec("76.61")) == IkmMutu::B);
    CHECK(kinerja::ikm_mutu(dec("76.605")) == IkmMutu::B);
    CHECK(kinerja::ikm_mutu(dec("76.60")) == IkmMutu::C);
    CHECK(kinerja::ikm_mutu(dec("65.00")) == IkmMutu::C);
    CHECK(kinerja::ikm_mutu(dec("64.995")) == IkmMutu::C);
    CHECK(kinerja::ikm_mutu(dec("64.99")) == IkmMutu::D);
    CHECK(kinerja::ikm_mutu(dec("25")) == IkmMutu::D);
    // 26491/300 = 88.3033... rounds to 88.30: B, although it is above 88.30.
    CHECK(kinerja::ikm_mutu(Rational(26491, 300)) == IkmMutu::B);
  }

  TEST_CASE("mutu names and the unit performance labels") {
    CHECK(kinerja::to_string(IkmMutu::A) == "A");
    CHECK(kinerja::to_string(IkmMutu::D) == "D");
    CHECK(kinerja::unit_performance(IkmMutu::A) == "Sangat baik");
    CHECK(kinerja::unit_performance(IkmMutu::B) == "Baik");
    CHECK(kinerja::unit_performance(IkmMutu::C) == "Kurang baik");
    CHECK(kinerja::unit_performance(IkmMutu::D) == "Tidak baik");
    CHECK(kinerja::ikm_unsur_name(0) == "Persyaratan");
    CHECK(kinerja::ikm_unsur_name(8) == "Sarana dan prasarana");
    CHECK(kinerja::ikm_unsur_name(9).empty());
    CHECK(kinerja::ikm_weight_value(IkmWeight::ExactOneNinth) == Rational(1, 9));
    CHECK(kinerja::ikm_weight_value(IkmWeight::Regulation0111) == dec("0.111"));
  }

  TEST_CASE("a missing answer leaves the respondent out of that unsur's denominator only") {
    Answers answers = i1_answers;
    answers[1 * kinerja::ikm_unsur_count + 0] = 0;  // respondent 2 skips unsur 1 (answered 3)
    const auto r = compute(answers);
    CHECK(r.answered[0] == 3);
    CHECK(r.nrr[0] == Rational(11, 3));  // (4 + 4 + 3) / 3, not (4 + 0 + 4 + 3) / 4
    for (std::size_t u = 1; u < kinerja::ikm_unsur_count; ++u) CHECK(r.answered[u] == 4);
    // Sum of NRR = 29.25 - 3.50 + 11/3 = 353/12; IKM = 353/12 / 9 x 25 = 8825/108 = 81.7129...
    CHECK(r.ikm == Rational(8825, 108));
    CHECK(r.ikm_rounded == dec("81.71"));
    CHECK(r.mutu == IkmMutu::B);
  }

  TEST_CASE("bad surveys are rejected with a message that names the problem") {
    check_invalid(i1_answers.data(), 0, "without respondents");
    check_invalid(nullptr, 4, "null");

    Answers out_of_range = i1_answers;
    out_of_range[2 * kinerja::ikm_unsur_count + 4] = 5;
    check_invalid(out_of_range.data(), 4, "answer 5 of respondent 3 to unsur 5");

    Answers unanswered = i1_answers;
    for (std::size_t r = 0; r < 4; ++r) unanswered[r * kinerja::ikm_unsur_count + 2] = 0;
    check_invalid(unanswered.data(), 4, "nobody answered IKM unsur 3 (Waktu penyelesaian)");
  }

  TEST_CASE("a survey whose exact IKM outgrows 64-bit fractions is summed at 12 decimals, never wrapped") {
    // 400 respondents where unsur u misses u answers: the exact denominator is lcm(400, 399, ..., 392).
    const std::size_t rows = 400;
    Answers answers = uniform(rows, 3);
    for (std::size_t u = 0; u < kinerja::ikm_unsur_count; ++u) {
      for (std::size_t r = 0; r < u; ++r) answers[r * kinerja::ikm_unsur_count + u] = 0;
      answers[(rows - 1) * kinerja::ikm_unsur_count + u] = 4;
    }
    const kinerja::IkmResult r = compute(answers);
    CHECK_FALSE(r.exact);
    // Each NRR is 3 + 1/(400 - u): the NIK is 25 * (3 + mean of 1/(400 - u)) = 75.0625... -> C.
    double expected = 0;
    for (int u = 0; u < 9; ++u) expected += 3.0 + 1.0 / (400 - u);
    expected = expected / 9 * 25;
    CHECK(r.ikm.to_double() == doctest::Approx(expected).epsilon(1e-12));
    CHECK(r.ikm_rounded == kinerja::Rational::parse("75.06"));
    CHECK(r.mutu == kinerja::IkmMutu::C);
    CHECK(compute(uniform(rows, 3)).exact);
  }
}

#include "kinerja/ikm.hpp"

#include <limits>
#include <string>

#include "kinerja/error.hpp"

namespace kinerja {
inline namespace v1 {

namespace {

constexpr std::uint8_t max_answer = 4;
constexpr std::int64_t nik_scale = 25;  // NI (1..4) x 25 = NIK (25..100)

std::string unsur_label(std::size_t unsur) {
  return "unsur " + std::to_string(unsur + 1) + " (" + std::string(ikm_unsur_name(unsur)) + ")";
}

}  // namespace

Rational ikm_weight_value(IkmWeight weight) noexcept {
  switch (weight) {
    case IkmWeight::ExactOneNinth: break;
    case IkmWeight::Regulation011: return Rational(11, 100);
    case IkmWeight::Regulation0111: return Rational(111, 1000);
  }
  return Rational(1, 9);
}

std::string_view to_string(IkmMutu mutu) noexcept {
  switch (mutu) {
    case IkmMutu::A: return "A";
    case IkmMutu::B: return "B";
    case IkmMutu::C: return "C";
    case IkmMutu::D: return "D";
  }
  return "";
}

std::string_view unit_performance(IkmMutu mutu) noexcept {
  switch (mutu) {
    case IkmMutu::A: return "Sangat baik";
    case IkmMutu::B: return "Baik";
    case IkmMutu::C: return "Kurang baik";
    case IkmMutu::D: return "Tidak baik";
  }
  return "";
}

std::string_view ikm_unsur_name(std::size_t index) noexcept {
  static constexpr std::array<std::string_view, ikm_unsur_count> names = {
      "Persyaratan",
      "Sistem, mekanisme, dan prosedur",
      "Waktu penyelesaian",
      "Biaya/tarif",
      "Produk spesifikasi jenis pelayanan",
      "Kompetensi pelaksana",
      "Perilaku pelaksana",
      "Penanganan pengaduan, saran dan masukan",
      "Sarana dan prasarana",
  };
  return index < names.size() ? names[index] : std::string_view();
}

IkmResult compute_ikm(const std::uint8_t* answers, std::size_t respondents, IkmWeight weight) {
  if (respondents == 0) throw error(errc::InvalidArgument, "IKM survey without respondents");
  if (answers == nullptr) throw error(errc::InvalidArgument, "IKM answers are null");
  // Every sum below is at most 4 x respondents and must fit an int64.
  constexpr auto max_respondents = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max() / 8);
  if (respondents > max_respondents) throw error(errc::InvalidArgument, "too many IKM respondents");

  IkmResult result;
  result.respondents = respondents;
  std::array<std::int64_t, ikm_unsur_count> sums{};
  for (std::size_t r = 0; r < respondents; ++r) {
    const std::uint8_t* row = answers + r * ikm_unsur_count;
    for (std::size_t u = 0; u < ikm_unsur_count; ++u) {
      const std::uint8_t value = row[u];
      if (value > max_answer) {
        throw error(errc::InvalidArgument, "IKM answer " + std::to_string(value) + " of respondent " +
                                               std::to_string(r + 1) + " to " + unsur_label(u) +
                                               " is outside 1..4 (0 = not answered)");
      }
      if (value == 0) continue;
      sums[u] += value;
      ++result.answered[u];
    }
  }

  RationalSum nrr_total;
  for (std::size_t u = 0; u < ikm_unsur_count; ++u) {
    if (result.answered[u] == 0) throw error(errc::InvalidArgument, "nobody answered IKM " + unsur_label(u));
    result.nrr[u] = Rational(sums[u], static_cast<std::int64_t>(result.answered[u]));
    nrr_total += result.nrr[u];
  }
  result.exact = nrr_total.exact();
  // Every unsur has the same bobot, so sum x bobot equals the sum of NRR_u x bobot.
  result.ikm_raw = nrr_total.value() * ikm_weight_value(weight);
  result.ikm = result.ikm_raw * nik_scale;
  result.ikm_rounded = result.ikm.round_half_up(2);
  result.mutu = ikm_mutu(result.ikm_rounded);
  return result;
}

IkmMutu ikm_mutu(const Rational& ikm) {
  static const Rational a_from(8831, 100);
  static const Rational b_from(7661, 100);
  static const Rational c_from(65);
  const Rational nik = ikm.round_half_up(2);
  if (nik >= a_from) return IkmMutu::A;
  if (nik >= b_from) return IkmMutu::B;
  if (nik >= c_from) return IkmMutu::C;
  return IkmMutu::D;
}

}  // namespace v1
}  // namespace kinerja

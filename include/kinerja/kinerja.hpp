// kinerja: umbrella header for the C++ API.
//
// The C++ API is source-stable within a minor release and makes no ABI promise; programs that
// need a stable binary interface use the C API (capi/kinerja.h).
#pragma once

#include "kinerja/version.hpp"
#include "kinerja/error.hpp"
#include "kinerja/rational.hpp"
#include "kinerja/period.hpp"
#include "kinerja/nip.hpp"
#include "kinerja/grade.hpp"
#include "kinerja/vocabulary.hpp"
#include "kinerja/threads.hpp"
#include "kinerja/id_pool.hpp"
#include "kinerja/dataset.hpp"
#include "kinerja/load.hpp"
#include "kinerja/predikat.hpp"
#include "kinerja/achievement.hpp"
#include "kinerja/rules.hpp"
#include "kinerja/pp30.hpp"
#include "kinerja/pp46.hpp"
#include "kinerja/score.hpp"
#include "kinerja/ikm.hpp"
#include "kinerja/ikm_report.hpp"
#include "kinerja/distribution.hpp"
#include "kinerja/distribution_report.hpp"
#include "kinerja/reliability.hpp"
#include "kinerja/multisource.hpp"
#include "kinerja/rater_diagnostics.hpp"
#include "kinerja/rater_effects.hpp"
#include "kinerja/calibration.hpp"
#include "kinerja/trend_stats.hpp"
#include "kinerja/trend_series.hpp"
#include "kinerja/projection.hpp"
#include "kinerja/report.hpp"
#include "kinerja/table.hpp"
#include "kinerja/snapshot.hpp"

namespace kinerja {
inline namespace v1 {
/// The library version at run time ("0.1.0"); compare with KIN_VERSION_STRING.
KIN_CXX_API const char* version_string() noexcept;
/// KIN_VERSION_NUMBER of the library at run time.
KIN_CXX_API unsigned version_number() noexcept;
}  // namespace v1
}  // namespace kinerja

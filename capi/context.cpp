// The library's versions, status texts and the context.
#include <new>

#include "handle.hpp"

namespace kinerja_capi {

int status_of(kinerja::errc code) noexcept {
  switch (code) {
    case kinerja::errc::InvalidArgument: return KIN_EINVAL;
    case kinerja::errc::OutOfRange: return KIN_ERANGE;
    case kinerja::errc::NotFound: return KIN_ENOTFOUND;
    case kinerja::errc::ParseError: return KIN_EFORMAT;
    case kinerja::errc::InvalidData: return KIN_EDATA;
    case kinerja::errc::IoError: return KIN_EIO;
    case kinerja::errc::Overflow: return KIN_ERANGE;
    case kinerja::errc::Internal: return KIN_EINTERNAL;
  }
  return KIN_ERROR;
}

}  // namespace kinerja_capi

extern "C" {

unsigned kin_version_number(void) { return KIN_LIBRARY_VERSION_NUMBER; }

const char* kin_version_string(void) { return KIN_LIBRARY_VERSION_STRING; }

int kin_abi_version(void) { return KIN_ABI_VERSION; }

const char* kin_status_string(int status) {
  switch (status) {
    case KIN_OK: return "ok";
    case KIN_ERROR: return "error";
    case KIN_EINVAL: return "invalid argument";
    case KIN_ENOMEM: return "out of memory";
    case KIN_ERANGE: return "out of range";
    case KIN_ENOTFOUND: return "not found";
    case KIN_EBUFS: return "buffer too small";
    case KIN_EFORMAT: return "malformed text";
    case KIN_EVERSION: return "version mismatch";
    case KIN_ESTATE: return "call does not fit the object's state";
    case KIN_EINTERNAL: return "internal error";
    case KIN_EDATA: return "invalid data";
    case KIN_EIO: return "input/output error";
    default: return "unknown status";
  }
}

int kin_context_new(kin_context** out) {
  if (out == nullptr) return KIN_EINVAL;
  *out = new (std::nothrow) kin_context();
  return *out == nullptr ? KIN_ENOMEM : KIN_OK;
}

void kin_context_free(kin_context* ctx) { delete ctx; }

const char* kin_context_last_error(const kin_context* ctx) {
  return ctx == nullptr ? "no context (NULL)" : ctx->last_error.c_str();
}

int kin_context_last_status(const kin_context* ctx) { return ctx == nullptr ? KIN_EINVAL : ctx->last_status; }

int kin_context_set_threads(kin_context* ctx, unsigned threads) {
  return kinerja_capi::guard(ctx, [&] { ctx->threads = threads; });
}

}  // extern "C"

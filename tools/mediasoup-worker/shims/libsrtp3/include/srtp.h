// libsrtp 3 API (the subset mediasoup 3.27 uses) on top of Debian's libsrtp 2.
//
// Why: mediasoup's build downloads a libsrtp 3.0 beta; offline we only have
// Debian bookworm's libsrtp2-dev 2.5. This header is reached by mediasoup's
// `#include <srtp.h>` because the shim's include/ directory is on the include
// path and Debian installs its header as <srtp2/srtp.h>.
//
// Gaps closed here (C++ only; mediasoup includes srtp.h from C++ sources):
//  * srtp_policy_t: in v3 an opaque *pointer* type configured via
//    srtp_policy_create/set_ssrc/set_profile/add_key/set_window_size/
//    set_allow_repeat_tx/destroy, and srtp_create(srtp_t*, srtp_policy_t).
//    v2 uses the same name for a public struct, so the v2 name is renamed
//    with a #define while its header is included, and the v3 API is
//    implemented over that struct.
//  * srtp_protect/srtp_unprotect and the _rtcp pair: v3 is out-of-place with
//    size_t lengths and an output capacity; v2 is in-place with int*. The
//    overloads copy into the output buffer, check its capacity the way v3
//    does, and call the v2 function. (Overloading a C function with C++
//    functions of a different signature is legal; only one has C linkage.)
//  * srtp_stream_remove(), named srtp_remove_stream() in v2.
//  * error codes srtp_err_status_buffer_small (28) and
//    srtp_err_status_cryptex_err (29), which v2's enum lacks.
// MKIs are not supported (mediasoup never uses them).
#ifndef TRADECAST_SHIM_SRTP3_ON_SRTP2_H
#define TRADECAST_SHIM_SRTP3_ON_SRTP2_H

#ifndef __cplusplus
#error "This libsrtp3-on-libsrtp2 shim is C++ only"
#endif

#define srtp_policy_t srtp2_policy_t
#include <srtp2/srtp.h>
#undef srtp_policy_t

#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>

// Error codes added by libsrtp 3.
inline constexpr srtp_err_status_t srtp_err_status_buffer_small =
  static_cast<srtp_err_status_t>(28);
inline constexpr srtp_err_status_t srtp_err_status_cryptex_err =
  static_cast<srtp_err_status_t>(29);

// Opaque v3 policy, backed by a v2 policy struct plus storage for the
// concatenated master key || master salt that v2 expects in policy.key.
struct tradecast_srtp3_policy
{
	srtp2_policy_t v2;
	srtp_profile_t profile;
	bool hasProfile;
	bool hasKey;
	unsigned char keyAndSalt[SRTP_MAX_KEY_LEN];
};

typedef tradecast_srtp3_policy* srtp_policy_t;

inline srtp_err_status_t srtp_policy_create(srtp_policy_t* policy)
{
	if (!policy)
		return srtp_err_status_bad_param;

	auto* p = new (std::nothrow) tradecast_srtp3_policy();

	if (!p)
		return srtp_err_status_alloc_fail;

	// Value-initialised: all zero, i.e. v2 defaults (window_size 0 = default
	// 128, no repeat tx, no header extension encryption, next = NULL).
	*policy = p;

	return srtp_err_status_ok;
}

inline void srtp_policy_destroy(srtp_policy_t policy)
{
	if (policy)
	{
		// Do not leave key material behind in freed memory.
		std::memset(policy->keyAndSalt, 0, sizeof(policy->keyAndSalt));
		delete policy;
	}
}

inline srtp_err_status_t srtp_policy_set_ssrc(srtp_policy_t policy, srtp_ssrc_t ssrc)
{
	if (!policy)
		return srtp_err_status_bad_param;

	policy->v2.ssrc = ssrc;

	return srtp_err_status_ok;
}

inline srtp_err_status_t srtp_policy_set_profile(srtp_policy_t policy, srtp_profile_t profile)
{
	if (!policy)
		return srtp_err_status_bad_param;

	srtp_err_status_t err = srtp_crypto_policy_set_from_profile_for_rtp(&policy->v2.rtp, profile);

	if (err != srtp_err_status_ok)
		return err;

	err = srtp_crypto_policy_set_from_profile_for_rtcp(&policy->v2.rtcp, profile);

	if (err != srtp_err_status_ok)
		return err;

	policy->profile    = profile;
	policy->hasProfile = true;

	return srtp_err_status_ok;
}

inline srtp_err_status_t srtp_policy_add_key(
  srtp_policy_t policy,
  const uint8_t* key,
  size_t keyLen,
  const uint8_t* salt,
  size_t saltLen,
  const uint8_t* mki,
  size_t mkiLen)
{
	if (!policy || !key || (saltLen > 0 && !salt))
		return srtp_err_status_bad_param;

	// Only a single key without MKI is supported over libsrtp2's policy.key.
	if (mki || mkiLen != 0 || policy->hasKey)
		return srtp_err_status_bad_param;

	if (keyLen > SRTP_MAX_KEY_LEN || saltLen > SRTP_MAX_KEY_LEN - keyLen)
		return srtp_err_status_bad_param;

	if (
	  policy->hasProfile &&
	  (keyLen != srtp_profile_get_master_key_length(policy->profile) ||
	   saltLen != srtp_profile_get_master_salt_length(policy->profile)))
	{
		return srtp_err_status_bad_param;
	}

	std::memcpy(policy->keyAndSalt, key, keyLen);

	if (saltLen > 0)
		std::memcpy(policy->keyAndSalt + keyLen, salt, saltLen);

	policy->hasKey = true;

	return srtp_err_status_ok;
}

inline srtp_err_status_t srtp_policy_set_window_size(srtp_policy_t policy, size_t windowSize)
{
	if (!policy)
		return srtp_err_status_bad_param;

	policy->v2.window_size = static_cast<unsigned long>(windowSize);

	return srtp_err_status_ok;
}

inline srtp_err_status_t srtp_policy_set_allow_repeat_tx(srtp_policy_t policy, bool allow)
{
	if (!policy)
		return srtp_err_status_bad_param;

	policy->v2.allow_repeat_tx = allow ? 1 : 0;

	return srtp_err_status_ok;
}

// v3: srtp_create(srtp_t*, srtp_policy_t). libsrtp copies everything it needs
// out of the policy, so the policy may be destroyed right after.
inline srtp_err_status_t srtp_create(srtp_t* session, srtp_policy_t policy)
{
	if (!session || !policy || !policy->hasProfile || !policy->hasKey)
		return srtp_err_status_bad_param;

	policy->v2.key  = policy->keyAndSalt;
	policy->v2.next = nullptr;

	const srtp2_policy_t* v2Policy = &policy->v2;

	return srtp_create(session, v2Policy);
}

// v3 renamed srtp_remove_stream() to srtp_stream_remove(). Both take the
// SSRC in network byte order (mediasoup passes htonl(ssrc)).
inline srtp_err_status_t srtp_stream_remove(srtp_t session, uint32_t ssrc)
{
	return srtp_remove_stream(session, ssrc);
}

namespace tradecast_srtp3_shim
{
	// Copies `in` into `out` (unless in place), checks that `out` can hold
	// `inLen + extra` bytes, and runs the in-place v2 function on it.
	template<typename V2Fn>
	inline srtp_err_status_t RunInPlace(
	  V2Fn v2Fn,
	  srtp_t ctx,
	  const uint8_t* in,
	  size_t inLen,
	  uint8_t* out,
	  size_t* outLen,
	  size_t extra)
	{
		if (!ctx || !in || !out || !outLen)
			return srtp_err_status_bad_param;

		if (inLen > static_cast<size_t>(INT_MAX) - extra)
			return srtp_err_status_bad_param;

		if (*outLen < inLen + extra)
			return srtp_err_status_buffer_small;

		if (out != in)
			std::memmove(out, in, inLen);

		int len = static_cast<int>(inLen);

		const srtp_err_status_t err = v2Fn(ctx, out, &len);

		if (err != srtp_err_status_ok)
			return err;

		*outLen = static_cast<size_t>(len);

		return srtp_err_status_ok;
	}

	// libsrtp2 appends at most SRTP_MAX_TRAILER_LEN bytes to SRTP and
	// SRTP_MAX_TRAILER_LEN + 4 (E flag + SRTCP index) to SRTCP.
	inline constexpr size_t SrtpExtra{ SRTP_MAX_TRAILER_LEN };
	inline constexpr size_t SrtcpExtra{ SRTP_MAX_TRAILER_LEN + 4 };
} // namespace tradecast_srtp3_shim

inline srtp_err_status_t srtp_protect(
  srtp_t ctx, const uint8_t* rtp, size_t rtpLen, uint8_t* srtp, size_t* srtpLen, size_t /*mkiIndex*/)
{
	return tradecast_srtp3_shim::RunInPlace(
	  static_cast<srtp_err_status_t (*)(srtp_t, void*, int*)>(&srtp_protect),
	  ctx,
	  rtp,
	  rtpLen,
	  srtp,
	  srtpLen,
	  tradecast_srtp3_shim::SrtpExtra);
}

inline srtp_err_status_t srtp_unprotect(
  srtp_t ctx, const uint8_t* srtp, size_t srtpLen, uint8_t* rtp, size_t* rtpLen)
{
	return tradecast_srtp3_shim::RunInPlace(
	  static_cast<srtp_err_status_t (*)(srtp_t, void*, int*)>(&srtp_unprotect),
	  ctx,
	  srtp,
	  srtpLen,
	  rtp,
	  rtpLen,
	  0);
}

inline srtp_err_status_t srtp_protect_rtcp(
  srtp_t ctx, const uint8_t* rtcp, size_t rtcpLen, uint8_t* srtcp, size_t* srtcpLen, size_t /*mkiIndex*/)
{
	return tradecast_srtp3_shim::RunInPlace(
	  static_cast<srtp_err_status_t (*)(srtp_t, void*, int*)>(&srtp_protect_rtcp),
	  ctx,
	  rtcp,
	  rtcpLen,
	  srtcp,
	  srtcpLen,
	  tradecast_srtp3_shim::SrtcpExtra);
}

inline srtp_err_status_t srtp_unprotect_rtcp(
  srtp_t ctx, const uint8_t* srtcp, size_t srtcpLen, uint8_t* rtcp, size_t* rtcpLen)
{
	return tradecast_srtp3_shim::RunInPlace(
	  static_cast<srtp_err_status_t (*)(srtp_t, void*, int*)>(&srtp_unprotect_rtcp),
	  ctx,
	  srtcp,
	  srtcpLen,
	  rtcp,
	  rtcpLen,
	  0);
}

#endif

// Stand-in for <ankerl/unordered_dense.h> (martinus/unordered_dense 4.8.1),
// which mediasoup >= 3.2x pulls through subprojects/unordered-dense.wrap from
// the internet and which Debian bookworm does not package.
//
// mediasoup only uses three names from it:
//   ankerl::unordered_dense::map<K, V[, Hash]>  -> std::unordered_map
//   ankerl::unordered_dense::set<K>             -> std::unordered_set
//   ankerl::unordered_dense::hash<T>{}(value)   -> std::hash<T>
// The std containers are slower but semantically a superset for mediasoup's
// usage: their iterators/references are *more* stable than unordered_dense's,
// and `it = m.erase(it)` loops work with both. Iteration order is unspecified
// in both libraries, so nothing in mediasoup may depend on it.
#ifndef TRADECAST_SHIM_ANKERL_UNORDERED_DENSE_H
#define TRADECAST_SHIM_ANKERL_UNORDERED_DENSE_H

#include <cstddef>
#include <functional>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace ankerl::unordered_dense
{
	// A class template (not an alias) so that code can still specialise it.
	template<typename T, typename Enable = void>
	struct hash : std::hash<T>
	{
	};

	template<
	  typename Key,
	  typename T,
	  typename Hash     = hash<Key>,
	  typename KeyEqual = std::equal_to<Key>,
	  typename Alloc    = std::allocator<std::pair<const Key, T>>>
	using map = std::unordered_map<Key, T, Hash, KeyEqual, Alloc>;

	template<
	  typename Key,
	  typename Hash     = hash<Key>,
	  typename KeyEqual = std::equal_to<Key>,
	  typename Alloc    = std::allocator<Key>>
	using set = std::unordered_set<Key, Hash, KeyEqual, Alloc>;
} // namespace ankerl::unordered_dense

#endif

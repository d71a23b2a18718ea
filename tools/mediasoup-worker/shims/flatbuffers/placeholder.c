/* Source of the empty placeholder static library(ies) this shim subproject
 * hands to mediasoup's link_whole list (meson warns about, and will stop
 * accepting, libraries without sources). The typedef keeps the translation
 * unit non-empty (ISO C) without defining any symbol. */
typedef int tradecast_shim_placeholder_t;

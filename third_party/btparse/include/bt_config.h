/* bt_config.h for folio's copy of btparse 0.89: what btparse's build (inc/MyBuilder.pm) writes
   from src/bt_config.h.in on a glibc Linux system (Debian 12 ships the same values in
   /usr/include/bt_config.h): alloca.h and vsnprintf present; strlcat absent (glibc < 2.38), so
   btparse uses its own static one. Written by hand, not generated. */
#ifndef BT_CONFIG_H
#define BT_CONFIG_H
#define HAVE_ALLOCA_H 1
#undef HAVE_STRLCAT
#define HAVE_VSNPRINTF 1
#define PACKAGE "libbtparse"
#define PACKAGE_NAME "libbtparse"
#define PACKAGE_STRING "libbtparse"
#define PACKAGE_VERSION "libbtparse 0.89"
#define VERSION "0.89"
#endif

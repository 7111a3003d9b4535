#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Host-side test (scripts/check runs it before booting the rig): what a user
# does to keep igbx across kernel updates.  `make install` and
# `make uninstall` (staged with INSTALL_MOD_PATH), and DKMS: dkms.conf adds,
# builds and installs igbx, the headers' hook (dkms autoinstall) builds it
# for a second kernel, and dkms remove takes it all away.  The host's own
# /usr/src, /var/lib/dkms and /lib/modules are never touched: DKMS runs on
# private trees, and for the newest kernel inside the unstable chroot
# (scripts/sid), which is a Debian unstable system of its own.
#
# Environment: IGBX_TOP (the source tree), KVER (the kernel of this check),
# IGBX_KVERS (every kernel scripts/deps set up), IGBX_DKMS_KO (optional: where
# to leave a copy of the DKMS-built igbx.ko for KVER, which scripts/check
# then loads in the rig and runs probe.sh against).
lib=$(dirname "$0")/lib.sh
[ -f "$lib" ] || lib=$(dirname "$0")/../lib.sh
# shellcheck source=tests/lib.sh
. "$lib"

top=$IGBX_TOP
cache=$top/.cache
kver=${KVER:?}
kvers=${IGBX_KVERS:-$kver}
work=$(mktemp -d "$cache/install-test.XXXXXX")
trap 'rm -rf "$work"' EXIT

ktap_print_header
ktap_set_plan 10

drv_version=$(sed -n 's/^#define IGBX_DRV_VERSION[[:space:]]*"\(.*\)"$/\1/p' \
	"$top/src/igbx.h")
# shellcheck source=/dev/null
dkms_version=$(. "$top/dkms.conf" 2>/dev/null; echo "$PACKAGE_VERSION")
check "dkms.conf's PACKAGE_VERSION ($dkms_version) is the driver's version ($drv_version)" \
	test -n "$drv_version" -a "$dkms_version" = "$drv_version"

# host_headers K: the host can build for K (Debian's headers installed)
host_headers() { [ -f "/lib/modules/$1/build/Makefile" ]; }

# ko_is KO KVER: KO is igbx, built for KVER, with the driver's version
ko_is() {
	[ -f "$1" ] &&
		[ "$(modinfo -F name "$1")" = igbx ] &&
		[ "$(modinfo -F vermagic "$1" | cut -d' ' -f1)" = "$2" ] &&
		[ "$(modinfo -F version "$1")" = "$drv_version" ]
}

# keep_ko KO: leave an uncompressed copy of KO at IGBX_DKMS_KO
keep_ko() {
	[ -n "${IGBX_DKMS_KO:-}" ] && [ -f "$1" ] || return 0
	case $1 in
	*.xz) xz -dc "$1" >"$IGBX_DKMS_KO" ;;
	*.zst) zstd -qdc "$1" >"$IGBX_DKMS_KO" ;;
	*.gz) gzip -dc "$1" >"$IGBX_DKMS_KO" ;;
	*) cp "$1" "$IGBX_DKMS_KO" ;;
	esac
}
[ -z "${IGBX_DKMS_KO:-}" ] || rm -f "$IGBX_DKMS_KO"

# --- make install / make uninstall, staged below $stage
stage=$work/stage
if host_headers "$kver"; then
	mdir=$stage/lib/modules/$kver
	# depmod -b on a stage without the kernel's own files warns about them
	make -s -C "$top" KVER="$kver" INSTALL_MOD_PATH="$stage" install \
		>"$work/install.log" 2>&1
	rc=$?
	ko=$(ls "$mdir"/updates/igbx.ko* 2>/dev/null | head -n 1)
	check "make install puts igbx.ko for $kver in updates/ (${ko#"$stage"})" \
		test "$rc" -eq 0 -a -n "$ko"
	check "the installed module is igbx $drv_version for $kver" ko_is "$ko" "$kver"
	installed_ok() {
		grep -q '^updates/igbx\.ko[^:]*:' "$mdir/modules.dep" &&
			grep -q '^alias pci:v00008086d000010C9.* igbx$' "$mdir/modules.alias"
	}
	check "depmod lists it, with the 82576's PCI alias" installed_ok
	make -s -C "$top" KVER="$kver" INSTALL_MOD_PATH="$stage" uninstall \
		>>"$work/install.log" 2>&1
	uninstalled_ok() {
		! ls "$mdir"/updates/igbx.ko* >/dev/null 2>&1 &&
			! grep -q 'igbx' "$mdir/modules.dep"
	}
	check "make uninstall removes it and depmod forgets it" uninstalled_ok
	[ "$KTAP_CNT_FAIL" -eq 0 ] || sed 's/^/# install: /' "$work/install.log"
else
	for d in "make install for $kver" "the installed module is igbx" \
		 "depmod lists it" "make uninstall removes it"; do
		ktap_test_skip "$d: no headers for $kver on the host (it builds in .cache/sid)"
	done
fi

# --- DKMS on the host, on private trees
src=$work/src
mkdir -p "$src"
# what a user's clone has; dkms add copies the tree it is given
(cd "$top" && cp -a dkms.conf Kbuild Makefile LICENSE src include "$src/")
# dkms signs what it builds; the key it would create in /var/lib/dkms goes
# into $work instead (dkms takes mok_signing_key/mok_certificate from the
# environment).
dkms_priv() {
	mok_signing_key=$work/mok.key mok_certificate=$work/mok.pub \
	dkms --dkmstree "$work/dkms" --sourcetree "$work/usr-src" \
		--installtree "$work/modules" --no-depmod "$@"
}
mod=igbx/$drv_version
if ! command -v dkms >/dev/null; then
	for d in add install autoinstall remove; do
		ktap_test_skip "dkms $d: no dkms on the host (scripts/deps installs it)"
	done
elif ! host_headers "$kver"; then
	for d in add install autoinstall remove; do
		ktap_test_skip "host dkms $d: no headers for $kver on the host (see the unstable chroot case)"
	done
else
	fails=$KTAP_CNT_FAIL
	mkdir -p "$work/dkms" "$work/usr-src"
	# dkms installs into INSTALLTREE/KVER, which a real system always has
	for k in $kvers; do
		mkdir -p "$work/modules/$k"
	done
	dkms_priv add "$src" >"$work/dkms.log" 2>&1
	check "dkms add: $mod is added" \
		grep -q "^$mod: added" <(dkms_priv status 2>/dev/null)
	dkms_priv install "$mod" -k "$kver" >>"$work/dkms.log" 2>&1
	dko=$(ls "$work/modules/$kver/updates/dkms"/igbx.ko* 2>/dev/null | head -n 1)
	dkms_installed() {
		dkms_priv status "$mod" -k "$kver" 2>/dev/null | grep -q 'installed$' &&
			ko_is "$dko" "$kver"
	}
	check "dkms build + install for $kver: igbx $drv_version in updates/dkms" \
		dkms_installed
	keep_ko "$dko"
	# The kernel headers' postinst hook runs `dkms autoinstall -k KVER`:
	# installing another kernel's headers rebuilds igbx for it.
	other=
	for k in $kvers; do
		if [ "$k" != "$kver" ] && host_headers "$k"; then
			other=$k
			break
		fi
	done
	if [ -n "$other" ]; then
		dkms_priv autoinstall -k "$other" >>"$work/dkms.log" 2>&1
		ako=$(ls "$work/modules/$other/updates/dkms"/igbx.ko* 2>/dev/null | head -n 1)
		check "dkms autoinstall (the headers' hook) builds igbx for $other" \
			ko_is "$ako" "$other"
	else
		ktap_test_skip "dkms autoinstall: no second kernel's headers on the host"
	fi
	dkms_priv remove "$mod" --all >>"$work/dkms.log" 2>&1
	removed_ok() {
		[ -z "$(dkms_priv status 2>/dev/null)" ] &&
			! find "$work/modules" -name 'igbx.ko*' | grep -q .
	}
	check "dkms remove --all: no igbx left in any kernel" removed_ok
	[ "$KTAP_CNT_FAIL" -eq "$fails" ] || sed 's/^/# dkms: /' "$work/dkms.log"
fi

# --- DKMS in the unstable chroot: Debian unstable's own dkms and compiler,
# the real headers hook, for the newest kernel
newest=$(sed -n 's/^KVERNEW ?= //p' "$cache/versions.mk" 2>/dev/null)
if [ -n "$newest" ] && [ -x "$cache/sid/usr/sbin/dkms" ]; then
	csrc=$cache/build/dkms-src
	rm -rf "$csrc" && mkdir -p "$csrc" && cp -a "$src"/. "$csrc/"
	# shellcheck disable=SC2016
	"$top/scripts/sid" run sh -c '
		set -e
		dkms remove "$1" --all >/dev/null 2>&1 || true
		rm -rf "/usr/src/igbx-$2"
		dkms add /build/dkms-src
		/etc/kernel/header_postinst.d/dkms "$3"
		dkms status "$1" -k "$3"
		modinfo -F vermagic /lib/modules/"$3"/updates/dkms/igbx.ko*
		cp /lib/modules/"$3"/updates/dkms/igbx.ko* /build/dkms-src/
		dkms remove "$1" --all
		rm -rf "/usr/src/igbx-$2"
	' sid-dkms "$mod" "$drv_version" "$newest" >"$work/sid.log" 2>&1
	rc=$?
	sid_ok() {
		[ "$rc" -eq 0 ] &&
			grep -q "^$mod, $newest, .*: installed" "$work/sid.log" &&
			grep -q "^$newest " "$work/sid.log"
	}
	fails=$KTAP_CNT_FAIL
	check "unstable chroot: the headers' dkms hook builds and installs igbx for $newest" \
		sid_ok
	[ "$newest" != "$kver" ] || keep_ko "$(ls "$csrc"/igbx.ko* 2>/dev/null | head -n 1)"
	[ "$KTAP_CNT_FAIL" -eq "$fails" ] || sed 's/^/# sid: /' "$work/sid.log"
else
	ktap_test_skip "dkms in the unstable chroot: not set up (scripts/deps --newest)"
fi
ktap_finished

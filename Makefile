# SPDX-License-Identifier: GPL-2.0
#
# igbx: out-of-tree build, lint and the QEMU test rig.
#
#   make                 build igbx.ko against KDIR (default: the rig's kernel)
#   make W=1 C=2         the usual Kbuild switches pass through
#   make ko KVER=...     igbx.ko for 6.1, 6.12 or the newest kernel (KVERNEW)
#   make lint            W=1 + sparse builds for every KVERS, checkpatch --strict
#   make install         igbx.ko into /lib/modules/KVER/updates, then depmod
#                        (INSTALL_MOD_PATH=DIR stages it below DIR instead)
#   make uninstall       remove it again, then depmod
#   (DKMS: dkms.conf; see Documentation/igbx.rst)
#   make check           install deps, build, boot QEMU, run the kselftests
#   make stress          the reliability tests with their full counts
#   make demo            boot QEMU, load igbx, move traffic, show the counters
#   make clean

TOP := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
CACHE ?= $(TOP)/.cache

# scripts/deps records the kernels it chose; without it, take the newest
# Debian 6.12 headers present.
-include $(CACHE)/versions.mk
KVER ?= $(shell ls -d /lib/modules/6.12.*/build 2>/dev/null | sort -V | \
	  tail -n 1 | cut -d/ -f4)
KDIR ?= /lib/modules/$(KVER)/build
# kernels `make lint` builds for: 6.1, 6.12 and, once scripts/deps --newest
# has set it up, the newest kernel in Debian unstable (KVERNEW)
KVERS ?= $(KVER61) $(KVER) $(KVERNEW)

LINUX_SRC ?= $(CACHE)/linux-source-6.12
CHECKPATCH ?= $(LINUX_SRC)/scripts/checkpatch.pl
SOURCES := $(wildcard $(TOP)/src/*.[ch] $(TOP)/include/*.h)

.PHONY: all modules ko clean deps lint lint-build checkpatch check stress demo bench \
	install uninstall
all: modules

modules:
	@test -d "$(KDIR)" || { echo "no kernel build dir '$(KDIR)': run scripts/deps or set KDIR" >&2; exit 1; }
	$(MAKE) -C $(KDIR) M=$(TOP) modules

# make install: what a user without DKMS runs; modules_install puts the
# module below INSTALL_MOD_PATH (default /) in lib/modules/KVER/updates,
# which depmod ranks above the kernel's own drivers.
INSTALL_MOD_DIR := updates
DEPMOD := depmod $(if $(INSTALL_MOD_PATH),-b $(INSTALL_MOD_PATH)) -a $(KVER)

install: modules
	$(MAKE) -C $(KDIR) M=$(TOP) INSTALL_MOD_DIR=$(INSTALL_MOD_DIR) \
		DEPMOD=true modules_install
	$(DEPMOD)

uninstall:
	rm -f $(INSTALL_MOD_PATH)/lib/modules/$(KVER)/$(INSTALL_MOD_DIR)/igbx.ko*
	$(DEPMOD)

clean:
	$(MAKE) -C $(KDIR) M=$(TOP) clean 2>/dev/null || \
		rm -f *.ko *.o src/*.o src/.*.cmd .*.cmd *.mod* Module.symvers modules.order
	rm -rf $(CACHE)/build

deps:
	$(TOP)/scripts/deps

# Build a private copy of the tree per kernel, so that builds for several
# kernels never share objects; fail on any warning.
$(CACHE)/build/%/.stamp: $(SOURCES) $(TOP)/Kbuild
	@mkdir -p $(@D)
	@rsync -a --delete $(TOP)/Kbuild $(TOP)/src $(TOP)/include $(@D)/
	@touch $@

lint-build: $(foreach k,$(KVERS),$(CACHE)/build/$(k)/.stamp)
	@set -e; for k in $(KVERS); do \
		d=$(CACHE)/build/$$k; \
		echo "  W=1 C=2  $$k"; \
		$(TOP)/scripts/kmake $$k $$d -s clean >/dev/null; \
		$(TOP)/scripts/kmake $$k $$d -s W=1 C=2 modules \
			>$$d/build.log 2>&1 || { cat $$d/build.log; exit 1; }; \
		if grep -E 'warning|error' $$d/build.log; then \
			echo "lint: $$k: build is not clean" >&2; exit 1; fi; \
	done

checkpatch:
	@test -x $(CHECKPATCH) || { echo "no checkpatch at $(CHECKPATCH): run scripts/deps" >&2; exit 1; }
	@echo "  CHECKPATCH --strict"
	@# CAMELCASE: checkpatch learns the kernel's own mixed-case names (the
	@# IEEE 802.3 counters of struct ethtool_eth_mac_stats) only inside a
	@# full kernel tree; --no-tree cannot know them.
	@cd $(LINUX_SRC) && ./scripts/checkpatch.pl --strict --no-tree --quiet \
		--show-types --ignore FILE_PATH_CHANGES,CAMELCASE --root=$(LINUX_SRC) \
		-f $(SOURCES)

# make ko KVER=...: igbx.ko for any kernel scripts/deps knows (6.1, 6.12,
# the newest), in its own copy of the tree: $(CACHE)/build/ko/$(KVER)/igbx.ko
ko: $(CACHE)/build/ko/$(KVER)/.stamp
	@$(TOP)/scripts/kmake $(KVER) $(CACHE)/build/ko/$(KVER) -s modules
	@echo "$(CACHE)/build/ko/$(KVER)/igbx.ko"

$(CACHE)/build/ko/%/.stamp: $(SOURCES) $(TOP)/Kbuild
	@mkdir -p $(@D)
	@rsync -a --delete --exclude='*.o' --exclude='.*.cmd' \
		$(TOP)/Kbuild $(TOP)/src $(TOP)/include $(@D)/
	@touch $@

lint: lint-build checkpatch
	@echo "lint: clean"

check:
	$(TOP)/scripts/check

stress:
	$(TOP)/scripts/check --stress

demo:
	$(TOP)/scripts/demo

bench:
	$(TOP)/scripts/bench

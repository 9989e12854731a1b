# Two commands do everything on a fresh Debian machine with Swift:
#   make site   installs libcmark-gfm when missing, builds duet (release), builds content/ into _site/
#   make test   installs libcmark-gfm when missing, runs the test suite
SWIFT     ?= swift
DUET      := .build/release/duet
SUDO      := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo)
SITEFLAGS ?=

.PHONY: deps duet site serve test clean

deps:
	@if pkg-config --exists libcmark-gfm 2>/dev/null && [ -f /usr/include/cmark-gfm-core-extensions.h ]; then :; else \
	  echo "Installing libcmark-gfm (Debian packages libcmark-gfm-dev, libcmark-gfm-extensions-dev)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev; \
	fi

# The Swift runtime and Foundation are linked into the binary, so it runs on a Debian machine without
# Swift (ldd lists only system libraries: libc, libm, libz, libstdc++, libcmark-gfm).
duet: deps
	$(SWIFT) build -c release --product duet --static-swift-stdlib

site: duet
	$(DUET) build --source content --theme themes/default --output _site $(SITEFLAGS)

# make serve: builds duet (release), serves content/ at http://127.0.0.1:4000/, rebuilds and reloads on
# every change; Ctrl-C stops it. Extra options: make serve SERVEFLAGS="--port 4001 --no-drafts".
serve: duet
	$(DUET) serve --source content --theme themes/default --output _site $(SERVEFLAGS)

test: deps
	$(SWIFT) test

clean:
	rm -rf _site .build

# Two commands do everything on a fresh Debian machine with Swift:
#   make site   installs libcmark-gfm when missing, builds duet (release), builds content/ into _site/
#   make test   installs libcmark-gfm when missing, runs the test suite
SWIFT     ?= swift
DUET      := .build/release/duet
SUDO      := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo)
SITEFLAGS ?=

.PHONY: deps duet site serve test clean install uninstall deb man completions

# libcurl's development link is for the static Foundation: FlyingFox (the preview server) imports
# FoundationNetworking, which calls libcurl (the tests link it; `duet` loads it only on first use,
# see RELEASEFLAGS). zlib's header is for the EPUBs' deflate (CDuetZlib).
deps:
	@if pkg-config --exists libcmark-gfm libcurl zlib 2>/dev/null && [ -f /usr/include/cmark-gfm-core-extensions.h ]; then :; else \
	  echo "Installing libcmark-gfm, libcurl and zlib (Debian packages libcmark-gfm-dev, libcmark-gfm-extensions-dev, libcurl4-openssl-dev, zlib1g-dev)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libcurl4-openssl-dev zlib1g-dev; \
	fi

# The Swift runtime and Foundation are linked into the binary, so it runs on a Debian machine without
# Swift (ldd lists only system libraries: libc, libm, libz, libstdc++, libcmark-gfm).
#
# No module links libcurl: FlyingFox's proxy handler, which Duet never uses, imports FoundationNetworking,
# and its libcurl with 27 libraries took 6 of a run's 12 ms to load. Sources/CDuetCurlLoader defines
# libcurl's functions instead and loads the library on first use (ldd lists no libcurl).
RELEASEFLAGS := -Xswiftc -Xfrontend -Xswiftc -disable-autolink-library -Xswiftc -Xfrontend -Xswiftc curl
duet: deps
	$(SWIFT) build -c release --product duet --static-swift-stdlib $(RELEASEFLAGS)

site: duet
	$(DUET) build --source content --theme themes/default --output _site $(SITEFLAGS)

# make serve: builds duet (release), serves content/ at http://127.0.0.1:4000/, rebuilds and reloads on
# every change; Ctrl-C stops it. Extra options: make serve SERVEFLAGS="--port 4001 --no-drafts".
serve: duet
	$(DUET) serve --source content --theme themes/default --output _site $(SERVEFLAGS)

test: deps
	$(SWIFT) test

clean:
	rm -rf _site .build build

# make install [PREFIX=/usr/local] [DESTDIR=...]: the binary, its man page (from the argument parser's
# generate-manual tool) and bash, zsh and fish completions (from duet --generate-completion-script).
PREFIX   ?= /usr/local
DESTDIR  ?=
ZSHDIR   ?= $(PREFIX)/share/zsh/site-functions
VERSION  := $(shell cat VERSION)
# The man page's date: the last commit's, so two builds of one commit write the same page.
MANDATE  := $(shell git log -1 --format=%cs 2>/dev/null || date -u +%Y-%m-%d)
INSTALLED = $(PREFIX)/bin/duet $(PREFIX)/share/man/man1/duet.1 $(PREFIX)/share/bash-completion/completions/duet \
            $(ZSHDIR)/_duet $(PREFIX)/share/fish/vendor_completions.d/duet.fish

# The manual comes from swift-argument-parser's generate-manual tool (a small debug build of its own),
# run on the release binary. (Its package plugin is not used: it rebuilds the whole package.)
man: duet
	$(SWIFT) build --product generate-manual
	mkdir -p build/man
	"$$($(SWIFT) build --show-bin-path)/generate-manual" $(DUET) --date $(MANDATE) --output-directory build/man

completions: duet
	mkdir -p build/completions
	$(DUET) --generate-completion-script bash | sed '1{/^#!/d}' > build/completions/duet.bash
	$(DUET) --generate-completion-script zsh > build/completions/_duet
	$(DUET) --generate-completion-script fish > build/completions/duet.fish

install: man completions
	install -Dm755 $(DUET) $(DESTDIR)$(PREFIX)/bin/duet
	install -Dm644 build/man/duet.1 $(DESTDIR)$(PREFIX)/share/man/man1/duet.1
	install -Dm644 build/completions/duet.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/duet
	install -Dm644 build/completions/_duet $(DESTDIR)$(ZSHDIR)/_duet
	install -Dm644 build/completions/duet.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/duet.fish

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))

# make deb: build/duet_VERSION_amd64.deb (dpkg-deb; Depends computed by dpkg-shlibdeps from the binary).
DEB      := build/duet_$(VERSION)_amd64.deb
DEBROOT  := build/deb/root
deb:
	rm -rf build/deb && mkdir -p $(DEBROOT)/DEBIAN build/deb/shlibs/debian
	$(MAKE) --no-print-directory install DESTDIR=$(CURDIR)/$(DEBROOT) PREFIX=/usr ZSHDIR=/usr/share/zsh/vendor-completions
	strip --strip-unneeded --remove-section=.comment --remove-section=.note $(DEBROOT)/usr/bin/duet
	chrpath -d $(DEBROOT)/usr/bin/duet
	gzip -9n $(DEBROOT)/usr/share/man/man1/duet.1
	install -Dm644 packaging/debian/copyright $(DEBROOT)/usr/share/doc/duet/copyright
	install -Dm644 packaging/debian/lintian-overrides $(DEBROOT)/usr/share/lintian/overrides/duet
	printf 'duet (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- Duet maintainers <maintainers@duet-review.example.org>  %s\n' \
	  "$(VERSION)" "$(VERSION)" "$$(git log -1 --format=%cD 2>/dev/null || date -uR)" | gzip -9n > $(DEBROOT)/usr/share/doc/duet/changelog.gz
	chmod 644 $(DEBROOT)/usr/share/doc/duet/changelog.gz
	printf 'Source: duet\n\nPackage: duet\nArchitecture: any\n' > build/deb/shlibs/debian/control
	depends=$$(cd build/deb/shlibs && dpkg-shlibdeps -O ../root/usr/bin/duet | sed 's/^shlibs:Depends=//') && \
	size=$$(du -sk --exclude=DEBIAN $(DEBROOT) | cut -f1) && \
	sed -e "s/@VERSION@/$(VERSION)/" -e "s/@SIZE@/$$size/" -e "s/@DEPENDS@/$$depends/" packaging/debian/control.in > $(DEBROOT)/DEBIAN/control
	cd $(DEBROOT) && find usr -type f | sort | xargs md5sum > DEBIAN/md5sums
	dpkg-deb --root-owner-group -Zxz -z6 --build $(DEBROOT) $(DEB)
	@echo "Wrote $(DEB)"

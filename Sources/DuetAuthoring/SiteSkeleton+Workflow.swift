/// The GitHub workflow of a publication whose repository holds only its content: install Duet,
/// build strictly, check, publish on GitHub Pages.
extension SiteSkeleton {
    var workflow: String {
        """
        # Builds the publication with Duet on every push and pull request, and publishes main on GitHub
        # Pages (Settings > Pages > Source: GitHub Actions).
        #
        # Duet is installed from a release's Debian package when the repository variable DUET_DEB_URL
        # is set (Settings > Secrets and variables > Actions > Variables), for example the URL of
        # duet_0.1.0_amd64.deb on Duet's releases page. Without it, Duet is built from the tag below
        # (set DUET_REPOSITORY to build it from another clone), which takes a few minutes more.
        name: Publish

        on:
          push:
            branches: [main]
          pull_request:
          workflow_dispatch:

        permissions:
          contents: read
          pages: write
          id-token: write

        concurrency:
          group: pages-${{ github.ref }}
          cancel-in-progress: true

        env:
          DUET_TAG: \(duetTag)
          DUET_REPOSITORY: ${{ vars.DUET_REPOSITORY || 'https://github.com/duet-review/duet.git' }}

        jobs:
          build:
            runs-on: ubuntu-latest
            # Debian, as Duet's package expects; the Swift image when Duet is built from source.
            container: ${{ vars.DUET_DEB_URL != '' && 'debian:bookworm' || 'swift:6.3-bookworm' }}
            steps:
              - uses: actions/checkout@v4

              - name: Install Duet from its Debian package
                if: ${{ vars.DUET_DEB_URL != '' }}
                env:
                  DUET_DEB_URL: ${{ vars.DUET_DEB_URL }}
                run: |
                  apt-get update -qq
                  apt-get install -y -qq curl ca-certificates
                  curl -fsSL -o /tmp/duet.deb "$DUET_DEB_URL"
                  apt-get install -y -qq /tmp/duet.deb

              - name: Build and install Duet from its tag
                if: ${{ vars.DUET_DEB_URL == '' }}
                run: |
                  apt-get update -qq
                  apt-get install -y -qq git make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev
                  git clone --depth 1 --branch "$DUET_TAG" "$DUET_REPOSITORY" /tmp/duet
                  make -C /tmp/duet duet
                  install -Dm755 /tmp/duet/.build/release/duet /usr/local/bin/duet

              - name: Find the Pages address
                id: pages
                if: ${{ github.event_name != 'pull_request' }}
                uses: actions/configure-pages@v5

              - name: Build
                env:
                  BASE_URL: ${{ steps.pages.outputs.base_url }}
                run: |
                  duet --version
                  duet build --strict ${BASE_URL:+--base-url "$BASE_URL/"}

              - name: Check links, assets and translations
                env:
                  BASE_URL: ${{ steps.pages.outputs.base_url }}
                run: duet check ${BASE_URL:+--base-url "$BASE_URL/"}

              - name: Keep the site for the deploy job
                if: ${{ github.event_name != 'pull_request' && github.ref == 'refs/heads/main' }}
                uses: actions/upload-pages-artifact@v3
                with:
                  path: _site

          deploy:
            if: ${{ github.event_name != 'pull_request' && github.ref == 'refs/heads/main' }}
            needs: build
            runs-on: ubuntu-latest
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """
    }
}

@testable import DuetRender
import XCTest

/// Links an author wrote from the site's root, moved under a sub-path (pages) or made absolute
/// (feeds), in one pass over the HTML.
final class RootRelativeLinksTests: XCTestCase {
    func testRootRelativeLinksAndImagesGetThePrefixAndNothingElseDoes() {
        let html = #"<p><a href="/en/about/">About</a> <img src="/images/a.svg" alt=""> <a href="//cdn.test/x.js">cdn</a> "#
            + ##"<a href="https://other.test/">out</a> <a href="#note">note</a> <img src="//cdn.test/b.png" alt="">"##
            + #" text href="/ stays?</p><a href="/"#
        XCTAssertEqual(SiteLinks.prefixingRootRelativeLinks(in: html, with: "/review"),
                       #"<p><a href="/review/en/about/">About</a> <img src="/review/images/a.svg" alt=""> <a href="//cdn.test/x.js">cdn</a> "#
                       + ##"<a href="https://other.test/">out</a> <a href="#note">note</a> <img src="//cdn.test/b.png" alt="">"##
                       + #" text href="/review/ stays?</p><a href="/review/"#)
        XCTAssertEqual(SiteLinks.prefixingRootRelativeLinks(in: #"<a href="/x">中文</a>"#, with: "https://duet.test/review"),
                       #"<a href="https://duet.test/review/x">中文</a>"#)
        XCTAssertEqual(SiteLinks.prefixingRootRelativeLinks(in: "没有链接", with: "/review"), "没有链接")
    }

    func testSeveralTargetsAreReplacedInOnePassAndTheFirstListedWins() {
        XCTAssertEqual("a-b--c".replacingBytes([("--", "="), ("-", "+")]), "a+b=c")
        XCTAssertEqual("<h2 id=\"x\"><a href=\"#x\">".replacingBytes([(" id=\"", " id=\"en-"), ("href=\"#", "href=\"#en-")]),
                       "<h2 id=\"en-x\"><a href=\"#en-x\">")
        XCTAssertEqual("---".replacingBytes("--", with: "- -"), "- --")
    }
}

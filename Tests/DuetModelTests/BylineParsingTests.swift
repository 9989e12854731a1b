@testable import DuetModel
import XCTest

/// Jekyll-style `author:` strings split into names, in English and Chinese, and the author list
/// an "et al." article keeps in its bios.
final class BylineParsingTests: XCTestCase {
    private func assertNames(_ text: String, _ expected: [String], etAl: Bool = false,
                             file: StaticString = #filePath, line: UInt = #line) {
        let parsed = Byline.parseNames(text)
        XCTAssertEqual(parsed.names, expected, "names of '\(text)'", file: file, line: line)
        XCTAssertEqual(parsed.etAl, etAl, "et al. of '\(text)'", file: file, line: line)
    }

    // MARK: English bylines

    func testCommaThenAndGivesThreeNames() {
        assertNames("Avery Lin, Jonah Reyes and Wei Chen", ["Avery Lin", "Jonah Reyes", "Wei Chen"])
    }

    func testOxfordCommaGivesTheSameThreeNames() {
        assertNames("Avery Lin, Jonah Reyes, and Wei Chen", ["Avery Lin", "Jonah Reyes", "Wei Chen"])
    }

    func testTwoNamesJoinedByAnd() {
        assertNames("Avery Lin and Jonah Reyes", ["Avery Lin", "Jonah Reyes"])
    }

    func testEtAlWithCommaAndPeriod() {
        assertNames("Avery Lin, et al.", ["Avery Lin"], etAl: true)
    }

    func testEtAlWithoutPeriodOrComma() {
        assertNames("Marisol Quayle et al", ["Marisol Quayle"], etAl: true)
    }

    func testSingleName() {
        assertNames("Wei Chen", ["Wei Chen"])
    }

    func testSurroundingSpacesAreTrimmed() {
        assertNames("   Harriet Oduya   ", ["Harriet Oduya"])
    }

    func testAndInsideANameDoesNotSplitIt() {
        // "Anderson" and "Brandon" contain "and" but not " and ".
        assertNames("Brandon Anderson and Sela Andrade", ["Brandon Anderson", "Sela Andrade"])
    }

    func testAmpersandSeparatesNames() {
        assertNames("Ines Galloway & Tomas Veld", ["Ines Galloway", "Tomas Veld"])
    }

    func testSemicolonsSeparateNames() {
        assertNames("Ines Galloway; Tomas Veld; Rhea Pillai", ["Ines Galloway", "Tomas Veld", "Rhea Pillai"])
    }

    func testEmptyTextHasNoNames() {
        assertNames("", [])
        assertNames("   ", [])
    }

    // MARK: Chinese bylines

    func testEnumerationCommaGivesTwoNames() {
        assertNames("林雅薇、陈伟", ["林雅薇", "陈伟"])
    }

    func testChineseAndGivesTwoNames() {
        assertNames("林雅薇和陈伟", ["林雅薇", "陈伟"])
    }

    func testChineseYuGivesTwoNames() {
        assertNames("林雅薇与陈伟", ["林雅薇", "陈伟"])
    }

    func testTransliteratedNamesWithEnumerationCommaAndAnd() {
        assertNames("埃琳娜·马奇班克、唐若溪和托拜厄斯·雷恩", ["埃琳娜·马奇班克", "唐若溪", "托拜厄斯·雷恩"])
    }

    func testChineseDengMarksEtAl() {
        assertNames("林雅薇等", ["林雅薇"], etAl: true)
    }

    func testChineseDengRenMarksEtAl() {
        assertNames("林雅薇、陈伟等人", ["林雅薇", "陈伟"], etAl: true)
    }

    func testFullWidthCommaSeparatesNames() {
        assertNames("林雅薇，陈伟", ["林雅薇", "陈伟"])
    }

    func testSingleChineseName() {
        assertNames("陈伟", ["陈伟"])
    }

    func testHeInsideAShortNameDoesNotSplitIt() {
        // 和 as a character of a name: one side would be a single character, shorter than a name.
        assertNames("林和平", ["林和平"])
        assertNames("和平", ["和平"])
    }

    // MARK: Bios

    func testBioNamesAreTheStrongLeadsAfterTheLastRule() {
        let html = """
            <p>The article body, with <strong>emphasis</strong> that is not a bio.</p>
            <hr />
            <p>An interim note.</p>
            <hr />
            <p><strong>Avery Lin</strong> is a visiting scholar at a coastal university.</p>
            <p><strong> Jonah Reyes </strong> edits a newsletter on trade policy.</p>
            <p>Some closing words with <strong>Nobody Special</strong> in the middle.</p>
            <p><strong>Wei Chen</strong> teaches international law.</p>

            """
        XCTAssertEqual(BioNames.extract(fromHTML: html), ["Avery Lin", "Jonah Reyes", "Wei Chen"])
    }

    func testChineseBioNames() {
        let html = "<p>正文。</p>\n<hr />\n<p><strong>林雅薇</strong>是某大学教授。</p>\n<p><strong>陈伟</strong>现任研究员。</p>\n"
        XCTAssertEqual(BioNames.extract(fromHTML: html), ["林雅薇", "陈伟"])
    }

    func testNoRuleMeansNoBioNames() {
        let html = "<p><strong>Avery Lin</strong> is a visiting scholar.</p>\n"
        XCTAssertEqual(BioNames.extract(fromHTML: html), [])
    }

    func testRuleWithoutBiosGivesNoNames() {
        XCTAssertEqual(BioNames.extract(fromHTML: "<p>Body.</p>\n<hr />\n<p>Thanks to our reviewers.</p>\n"), [])
    }
}

/// The byte walk for plain bylines answers as the Character walk does, on the bylines above and
/// on pieces of them put together every way (spaces, case, markers, separators at the edges).
final class PlainBylineTests: XCTestCase {
    func testByteWalkAgreesWithCharacterWalk() {
        let parts = ["Avery Lin", "AND Jonah Reyes", " and ", ", ", "，", "、", ";", "；", "&", " & ", "\t", "\n",
                     "林雅薇", "和", "与", "及", "和平", "埃琳娜·马奇班克", "托拜厄斯・雷恩", "ET AL.", " et al", "等人", "等",
                     ",", "Brandon Anderson", "and", "andrew", "Wei", " ", "陈伟", "x"]
        var texts: [String] = []
        for a in parts { for b in parts { for c in parts { texts.append(a + b + c) } } }
        texts += ["", "   ", "Avery Lin, Jonah Reyes, and Wei Chen", "林雅薇、陈伟等人", "Élena Marchbank", "A\r\nB", "Ａvery"]
        for text in texts {
            let bytes = PlainByline.names(text), characters = Byline.parseNamesByCharacters(text)
            if let bytes {
                XCTAssertEqual(bytes.names, characters.names, "names of '\(text)'")
                XCTAssertEqual(bytes.etAl, characters.etAl, "et al. of '\(text)'")
            }
        }
        XCTAssertNil(PlainByline.names("Élena Marchbank"), "a scalar outside the plain set goes to the Character walk")
        XCTAssertNil(PlainByline.names("A\r\nB"))
    }
}

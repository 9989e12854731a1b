@testable import DuetRender
import Foundation
import XCTest

/// Sizes read from the first bytes of real image headers, and nothing invented for broken files.
final class ImageSizeTests: XCTestCase {
    func testPNG() {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        bytes += [0, 0, 0x04, 0xB0, 0, 0, 0x02, 0x76, 8, 6, 0, 0, 0]
        XCTAssertEqual(ImageSize(data: Data(bytes)), ImageSize(width: 1200, height: 630))
    }

    func testGIF() {
        XCTAssertEqual(ImageSize(data: Data(Array("GIF89a".utf8) + [0x40, 0x01, 0xF0, 0x00, 0, 0])), ImageSize(width: 320, height: 240))
    }

    func testJPEGSkipsSegmentsToTheFrame() {
        let app0: [UInt8] = [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        let sof0: [UInt8] = [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        XCTAssertEqual(ImageSize(data: Data([0xFF, 0xD8] + app0 + sof0 + [0xFF, 0xD9])), ImageSize(width: 640, height: 480))
    }

    func testWebPLossless() {
        let width = 99, height = 49
        let bits = UInt32(width - 1) | UInt32(height - 1) << 14
        var bytes = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8L".utf8) + [0, 0, 0, 0, 0x2F]
        bytes += [UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 24 & 0xFF)]
        bytes += [UInt8](repeating: 0, count: 10)
        XCTAssertEqual(ImageSize(data: Data(bytes)), ImageSize(width: 99, height: 49))
    }

    func testSVGWidthHeightThenViewBox() {
        let sized = #"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="1200px" height='630'>"#
        XCTAssertEqual(ImageSize(data: Data(sized.utf8)), ImageSize(width: 1200, height: 630))
        let boxed = #"<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0,0,800.4,450">"#
        XCTAssertEqual(ImageSize(data: Data(boxed.utf8)), ImageSize(width: 800, height: 450))
        let strokeWidth = #"<svg stroke-width="3" viewBox="0 0 40 20">"#
        XCTAssertEqual(ImageSize(data: Data(strokeWidth.utf8)), ImageSize(width: 40, height: 20))
    }

    func testBrokenOrUnknownFilesHaveNoSize() {
        XCTAssertNil(ImageSize(data: Data()))
        XCTAssertNil(ImageSize(data: Data([0x89, 0x50, 0x4E, 0x47])))
        XCTAssertNil(ImageSize(data: Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00, 0, 0, 0, 0, 0, 0])))
        XCTAssertNil(ImageSize(data: Data("<svg viewBox=\"0 0 0 0\">".utf8)))
        XCTAssertNil(ImageSize(data: Data("plain text".utf8)))
    }
}

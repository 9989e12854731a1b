import DuetModel
import Foundation

/// The files inside an EPUB 3 archive, in the order they are stored: `mimetype` first (the
/// format requires it), then the container, the package document, the navigation document and
/// the content. No NCX: EPUB 3 readers use the navigation document.
enum EpubPackage {
    static func entries(of book: EpubBook) -> [(path: String, data: Data, compressed: Bool)] {
        var entries: [(path: String, data: Data, compressed: Bool)] = [
            ("mimetype", Data("application/epub+zip".utf8), false),
            ("META-INF/container.xml", Data(container.utf8), true),
            ("EPUB/package.opf", Data(packageDocument(book).utf8), true),
            ("EPUB/nav.xhtml", navigation(book), true),
            ("EPUB/style.css", Data(stylesheet.utf8), true),
        ]
        if let cover = book.cover {
            entries.append(("EPUB/cover.xhtml", coverPage(book, cover: cover), true))
        }
        for chapter in book.chapters {
            entries.append(("EPUB/text/\(chapter.id).xhtml", chapterDocument(book, chapter), true))
        }
        for resource in [book.cover].compactMap({ $0 }) + book.images {
            entries.append(("EPUB/\(resource.href)", resource.data, resource.mediaType == "image/svg+xml"))
        }
        return entries
    }

    static let container = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles>
        <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
        </rootfiles>
        </container>

        """

    static let stylesheet = """
        body { font-family: serif; line-height: 1.5; margin: 0 5%; }
        h1 { font-size: 1.6em; line-height: 1.25; }
        .byline, .affiliation { font-style: italic; }
        .cover { text-align: center; margin: 0; }
        .cover img { max-width: 100%; max-height: 100%; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #999; padding: 0.2em 0.4em; }
        img { max-width: 100%; }

        """

    static func packageDocument(_ book: EpubBook) -> String {
        var metadata = [
            "<dc:identifier id=\"pub-id\">\(book.identifier.markupEscaped)</dc:identifier>",
            "<dc:title>\(book.title.markupEscaped)</dc:title>",
            "<dc:language>\(book.language.markupEscaped)</dc:language>",
        ]
        metadata += book.creators.map { "<dc:creator>\($0.markupEscaped)</dc:creator>" }
        metadata.append("<dc:publisher>\(book.publisher.markupEscaped)</dc:publisher>")
        if let rights = book.rights { metadata.append("<dc:rights>\(rights.markupEscaped)</dc:rights>") }
        metadata.append("<meta property=\"dcterms:modified\">\(book.modified)</meta>")
        if book.cover != nil { metadata.append("<meta name=\"cover\" content=\"cover-image\"/>") }

        var manifest = [
            "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>",
            "<item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>",
        ]
        var spine: [String] = []
        if let cover = book.cover {
            manifest.append("<item id=\"cover-image\" href=\"\(cover.href.markupEscaped)\" media-type=\"\(cover.mediaType)\" properties=\"cover-image\"/>")
            manifest.append("<item id=\"cover\" href=\"cover.xhtml\" media-type=\"application/xhtml+xml\"/>")
            spine.append("<itemref idref=\"cover\"/>")
        }
        spine.append("<itemref idref=\"nav\"/>")
        for chapter in book.chapters {
            manifest.append("<item id=\"\(chapter.id)\" href=\"text/\(chapter.id).xhtml\" media-type=\"application/xhtml+xml\"/>")
            spine.append("<itemref idref=\"\(chapter.id)\"/>")
        }
        for image in book.images {
            manifest.append("<item id=\"\(image.id)\" href=\"\(image.href.markupEscaped)\" media-type=\"\(image.mediaType)\"/>")
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="\(book.language.markupEscaped)">
            <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
            \(metadata.joined(separator: "\n"))
            </metadata>
            <manifest>
            \(manifest.joined(separator: "\n"))
            </manifest>
            <spine>
            \(spine.joined(separator: "\n"))
            </spine>
            </package>

            """
    }

    static func navigation(_ book: EpubBook) -> Data {
        let items = book.chapters.map {
            "<li><a href=\"text/\($0.id).xhtml\">\($0.title.markupEscaped)</a></li>"
        }.joined(separator: "\n")
        return document(book, title: book.tocTitle, stylesheet: "style.css", body: Array("""
            <nav epub:type="toc" id="toc" aria-labelledby="toc-title">
            <h1 id="toc-title">\(book.tocTitle.markupEscaped)</h1>
            <ol>
            \(items)
            </ol>
            </nav>
            """.utf8))
    }

    static func coverPage(_ book: EpubBook, cover: EpubBook.Resource) -> Data {
        document(book, title: book.title, stylesheet: "style.css", body: Array("""
            <section epub:type="cover" class="cover">
            <img src="\(cover.href.markupEscaped)" alt="\(book.coverAlt.markupEscaped)" />
            </section>
            """.utf8))
    }

    static func chapterDocument(_ book: EpubBook, _ chapter: EpubBook.Chapter) -> Data {
        document(book, title: chapter.title, stylesheet: "../style.css", body: chapter.body)
    }

    static func document(_ book: EpubBook, title: String, stylesheet: String, body: [UInt8]) -> Data {
        let language = book.language.markupEscaped
        let head = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="\(language)" lang="\(language)">
            <head>
            <meta charset="UTF-8" />
            <title>\(title.markupEscaped)</title>
            <link rel="stylesheet" type="text/css" href="\(stylesheet)" />
            </head>
            <body>

            """
        var bytes = Array(head.utf8)
        bytes.reserveCapacity(bytes.count + body.count + 24)
        bytes.append(contentsOf: body)
        bytes.append(contentsOf: "\n</body>\n</html>\n".utf8)
        return Data(bytes)
    }
}

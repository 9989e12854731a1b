/// The words of the skeleton publication, in English and Simplified Chinese: a first article that
/// explains, by being one, what an article is made of, and the people and pages around it. Written
/// for Duet; the editor of the new site replaces all of it.
enum SkeletonText {
    static let authorSlug = "ada-linwood"
    static let articleSlug = "how-this-review-is-made"

    static func authorName(in code: String) -> String { code == "zh" ? "艾达·林伍德" : "Ada Linwood" }
    static func authorFamilyName(in code: String) -> String { code == "zh" ? "林伍德" : "Linwood" }
    static func authorAffiliation(in code: String) -> String { code == "zh" ? "本刊创刊编辑" : "Founding editor" }

    static func authorBio(in code: String) -> String {
        code == "zh"
            ? "艾达·林伍德是本刊的创刊编辑。她为新刊物写下第一篇文章，好让后来的作者有样可依。"
            : "Ada Linwood is the founding editor of this review. She wrote its first article so that later authors have a model to follow."
    }

    static func siteDescription(in code: String) -> String {
        code == "zh" ? "一份以中英文双语出版的季刊。" : "A quarterly review published in English and Chinese."
    }

    static func issueTitle(in code: String) -> String { code == "zh" ? "创刊号" : "First Issue" }

    static func issueNote(in code: String) -> String {
        code == "zh" ? """
            这是本刊的第一期。编者按写在期刊文件里，会显示在本期页面上文章目录的上方。

            可以用它向读者介绍本期的主题，说明文章之间的联系，或者感谢促成本期的人。
            """ : """
            This is the first issue of the review. The editors' note lives in the issue's file and appears on the issue's page, above its table of contents.

            Use it to introduce the issue's theme, to say how its articles speak to each other, or to thank the people who made it possible.
            """
    }

    static func articleTitle(in code: String) -> String { code == "zh" ? "本刊是怎样编成的" : "How This Review Is Made" }

    static func articleDescription(in code: String) -> String {
        code == "zh" ? "本刊是怎样编成的：一篇展示文章各个组成部分的创刊文章"
            : "How This Review Is Made: A First Article That Shows Every Part of a Post"
    }

    static func articleBody(in code: String) -> String {
        code == "zh" ? """

            _每一份刊物都从第一篇文章开始。这一篇同时也是一个范例：文中的每个部分都对应着你将要撰写的文件中的一项功能。你可以把这里的句子换成自己的文字，而保留它的结构。_

            <excerpt/>

            每篇文章都是一个 Markdown 文件，开头有一小段设置，夹在两行三个短横线之间。标题、作者、栏目和日期都写在这里。作者的姓名必须与 `authors/` 文件夹中的某个文件相对应，那个文件里存放着显示在文章旁边的作者简介和照片。日期带有时区，因此无论文章写于上海还是西雅图，都会按正确的先后顺序排列。

            ### 两种语言，同一篇文章

            每篇文章都可以同时以英文和中文发表。两个版本是两个同名文件，一个放在 `posts/en/` 下，另一个放在 `posts/zh/` 下。Duet 按文件名把它们配成一对，让两个版本互相链接，并提供一个将两者并排显示的页面。只有一种语言版本的文章照样会发表，网站的另一种语言会注明译文尚未完成。

            好的翻译往往比写初稿更费时间。请让两个版本的标题层级保持一致，这样在并排阅读的页面上，段落就能一一对齐。

            ### 读者最先看到的内容

            开头的斜体段落是导语。`<excerpt/>` 这一行之上的全部内容构成摘要，显示在期刊页面和订阅源中，因此它应当能够独立成文。设置中的描述（description）则是搜索引擎和链接预览所显示的文字。

            #### 期号与栏目

            文章按季度编入各期。除非设置中另行指定，一篇文章归入其日期所在季度的那一期。`issues/` 中的期刊文件为每一期设定标题、封面和编者按。论文、对话纪要、书评等栏目决定目录的排列顺序。

            ### 发布之前

            写作时运行 `duet serve`，就可以一边写，一边在浏览器里阅读网站。推送之前，再运行 `duet build --strict` 和 `duet check`：前者把每一条警告都当作错误，后者检查成品网站中的每一个链接。两者都不再报告问题时，网站就可以发布了。

            ---

            __艾达·林伍德__ 是本刊的创刊编辑。她写下这篇文章，就是为了让你把它换掉。

            """ : """

            _Every publication starts with a first article. This one is also a working example: each part of it shows a feature of the files you will write, so you can replace its sentences with your own and keep its shape._

            <excerpt/>

            An article is a Markdown file with a short block of settings at the top, between two lines of three dashes. The title, the author, the section and the date live there. The author's name must match a file in `authors/`, which holds the biography and the photograph shown beside the article. The date carries its time zone, so an article written in Shanghai and one written in Seattle are placed in the right order.

            ### Two languages, one article

            Each article can appear in English and in Chinese. The two versions are separate files with the same name, one under `posts/en/` and one under `posts/zh/`. Duet pairs them by that name, links each version to the other and offers a page that shows them side by side. An article that exists in only one language is still published; the other language's side of the site says that the translation is not ready yet.

            Translating well takes longer than writing the first draft. Keep the headings of the two versions in step, and the side-by-side page will line up paragraph with paragraph.

            ### What readers see first

            The italic paragraph at the top is the lead. Everything above the `<excerpt/>` line becomes the excerpt shown on the issue's page and in the feed, so it should make sense on its own. The description in the settings is what search engines and link previews show.

            #### Issues and sections

            Articles are gathered into quarterly issues. An article belongs to the issue of the quarter in which it is dated, unless its settings name another. The issue's file in `issues/` gives it a title, a cover and a note from the editors. Sections such as Essays, Dialogue Reports and Reviews set the order of the table of contents.

            ### Before you publish

            Run `duet serve` to read the site in a browser as you write. Before you push, run `duet build --strict` and `duet check`: the first treats every warning as an error, the second follows every link in the finished site. When both are quiet, the site is ready.

            ---

            __Ada Linwood__ is the founding editor of this review. She wrote this article to be replaced.

            """
    }

    static func about(in code: String, title: String, bilingual: Bool) -> String {
        code == "zh" ? """
            ---
            title: 关于本刊
            description: \(YAMLText.quoted("关于《\(title)》：刊物简介与编辑方针"))
            ---

            《\(title)》是一份季刊，每期刊发数篇论文、对话纪要和书评\(bilingual ? "，以中文和英文同时出版" : "")。

            ### 编辑方针

            我们欢迎论点具体、证据扎实、并顾及立场不同的读者的来稿。每篇文章由两位编辑共同审读\(bilingual ? "，两种语言的版本具有同等地位" : "后才会刊出")。

            这一页位于 `pages/zh/about.md`。请把它改写成你们自己的刊物介绍。

            """ : """
            ---
            title: About
            description: \(YAMLText.quoted("About \(title): what the review publishes and how it is edited"))
            ---

            _\(title)_ is a quarterly review. Each issue carries a few essays, dialogue reports and reviews\(bilingual ? ", published in English and Chinese at the same time" : "").

            ### Editorial policy

            We welcome arguments that are specific, grounded in evidence and written for readers who do not share the author's starting point. Two editors read every article\(bilingual ? ", and both language versions carry equal standing" : " before it appears").

            This page lives in `pages/en/about.md`. Rewrite it to introduce your own publication.

            """
    }

    /// The first issue's cover: the publication's name on a plain field, drawn as SVG so it needs no
    /// image tools and scales to any screen.
    static func cover(title: String) -> String {
        let escaped = title.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 800" width="600" height="800" role="img" aria-label="\(escaped)">
              <rect width="600" height="800" fill="#f4efe6"/>
              <rect x="40" y="40" width="520" height="720" fill="none" stroke="#8a3b2e" stroke-width="4"/>
              <text x="300" y="380" font-family="Georgia, serif" font-size="44" text-anchor="middle" fill="#2b2b2b">\(escaped)</text>
              <text x="300" y="440" font-family="Georgia, serif" font-size="24" text-anchor="middle" fill="#8a3b2e">1</text>
            </svg>

            """
    }
}

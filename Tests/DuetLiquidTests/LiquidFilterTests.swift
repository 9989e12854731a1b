import DuetLiquid
import DuetModel
import Testing

/// Filters Jekyll posts use, with the results Liquid and Jekyll document for them.
@Suite struct LiquidFilterTests {
    @Test func stringFilters() {
        let cases: [(String, String)] = [
            ("{{ '  hello   ' | lstrip }}|", "hello   |"),
            ("|{{ '   hello' | rstrip }}", "|   hello"),
            ("{{ 'hello world' | truncate: 10, '---' }}", "hello w---"),
            ("{{ 'hello world' | truncate: 8, '' }}", "hello wo"),
            ("{{ 'hello world' | truncate: 3 }}", "..."),
            ("{{ 'hello' | truncate: 20 }}", "hello"),
            ("{{ 'one two three four' | truncatewords: 3 }}", "one two three..."),
            ("{{ 'one two three' | truncatewords: 3 }}", "one two three"),
            ("{{ 'one two three' | truncatewords: 2, ' [more]' }}", "one two [more]"),
            ("{{ 'abc' | split: '' | join: '-' }}", "a-b-c"),
            ("{{ 'abc' | split: 'a' | join: '-' }}", "-bc"),
            ("{{ 'abc' | split: 'c' | join: '-' }}", "ab"),
            ("{{ 'banana' | replace: 'a', 'X' }}", "bXnXnX"),
            ("{{ 'banana' | replace_first: 'a', 'X' }}", "bXnana"),
            ("{{ 'hello' | remove: 'l' }}|{{ 'hello' | remove_first: 'l' }}", "heo|helo"),
            ("{{ 'hello' | slice: 0 }}{{ 'hello' | slice: -1 }}{{ 'hello' | slice: 1, 3 }}{{ 'hello' | slice: -3, 2 }}", "hoellll"),
            ("{{ \"<script>alert('x')</script>\" | escape }}", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
            ("{{ '&lt;b&gt; & <i>' | escape_once }}", "&lt;b&gt; &amp; &lt;i&gt;"),
            ("{{ 'Fish & \"Chips\"' | xml_escape }}", "Fish &amp; &quot;Chips&quot;"),
            ("{{ '<p>Hi <em>there</em><script>x()</script></p><!-- c -->' | strip_html }}", "Hi there"),
            ("{{ 'a' | append: 'b' | prepend: 'c' | upcase }}", "CAB"),
            ("{{ 'ÉCOLE' | downcase }} {{ 'word' | capitalize }}", "école Word"),
            ("{{ 'a\nb' | newline_to_br }}", "a<br />\nb"),
            ("{{ 'a\nb' | strip_newlines }}", "ab"),
            ("{{ 'Hello, World! 你好' | slugify }}", "hello-world-你好"),
            ("{{ 'The _config.yml file' | slugify: 'pretty' }}", "the-_config.yml-file"),
            ("{{ 'a b&c' | cgi_escape }} {{ 'a b/c?d' | uri_escape }}", "a+b%26c a%20b/c?d"),
            ("{{ 'one two  three' | number_of_words }}", "3"),
            ("{{ 'héllo' | size }}", "5"),
        ]
        for (template, expected) in cases { #expect(output(template) == expected, "\(template)") }
    }

    @Test func defaultTreatsNilFalseAndEmptyAsMissing() {
        #expect(output("{{ missing | default: 'N/A' }}") == "N/A")
        #expect(output("{{ t | default: 'N/A' }}", [("t", .string(""))]) == "N/A")
        #expect(output("{{ t | default: 'N/A' }}", [("t", .string("   "))]) == "   ")
        #expect(output("{{ f | default: 'd' }}|{{ f | default: 'd', allow_false: true }}", [("f", .bool(false))]) == "d|false")
    }

    @Test func numberFilters() {
        #expect(output("{{ 4 | plus: 2 }} {{ 4 | minus: 6 }} {{ 3 | times: 1.5 }} {{ 7 | divided_by: 2 }} {{ 7.0 | divided_by: 2 }}")
                == "6 -2 4.5 3 3.5")
        #expect(output("{{ -7 | modulo: 3 }} {{ -3 | abs }} {{ 1.2 | ceil }} {{ 1.8 | floor }} {{ 2.5 | round }} {{ 3.14159 | round: 2 }}")
                == "2 3 2 1 3 3.14")
        #expect(output("{{ '3' | plus: 1 }} {{ 5 | at_most: 3 }} {{ 5 | at_least: 8 }}") == "4 3 8")
    }

    @Test func arrayFilters() {
        let posts: [(String, LiquidValue)] = [("posts", list(
            object(("title", .string("B")), ("lang", .string("en")), ("tags", list(.string("x"))), ("n", .int(2))),
            object(("title", .string("a")), ("lang", .string("zh")), ("tags", list(.string("y"))), ("n", .int(10))),
            object(("title", .string("C")), ("lang", .string("en")), ("n", .int(1)))))]
        #expect(output("{{ posts | where: 'lang', 'en' | map: 'title' | join: ', ' }}", posts) == "B, C")
        #expect(output("{{ posts | where: 'tags', 'y' | map: 'title' | join }}", posts) == "a")
        #expect(output("{{ posts | sort: 'n' | map: 'title' | join }}", posts) == "C B a")
        #expect(output("{{ posts | sort: 'title' | map: 'title' | join }}", posts) == "B C a")
        #expect(output("{{ posts | sort_natural: 'title' | map: 'title' | join }}", posts) == "a B C")
        #expect(output("{{ posts.first.title }}{{ posts.last.title }} {{ posts | size }}", posts) == "BC 3")
        #expect(output("{{ posts | where_exp: 'post', 'post.n > 1 and post.lang == page.lang' | map: 'title' | join }}",
                       posts + [("page", object(("lang", .string("en"))))]) == "B")
        #expect(output("{% assign f = posts | find_exp: 'p', \"p.tags contains 'y'\" %}{{ f.title }}", posts) == "a")
        #expect(output("{{ l | uniq | reverse | join: '' }} {{ l | compact | size }} {{ l | concat: m | join: '' }}",
                       [("l", list(.int(1), .int(2), .int(1), .null)), ("m", list(.int(9)))]) == "21 3 1219")
        #expect(output("{{ l | array_to_sentence_string }}", [("l", list(.string("a"), .string("b"), .string("c")))]) == "a, b, and c")
        #expect(output("{{ page | jsonify }}", [("page", object(("t", .string("x\"<")), ("n", list(.int(1), .double(2.5), .null, .bool(true)))))])
                == #"{"t":"x\"\u003c","n":[1,2.5,null,true]}"#)
    }

    @Test func dateFilters() {
        let date = LiquidValue.date(PublicationDate(year: 2021, month: 9, day: 5, hour: 14, minute: 3, second: 9, utcOffsetSeconds: 8 * 3_600))
        let page: [(String, LiquidValue)] = [("d", date)]
        #expect(output("{{ d | date: '%B %-d, %Y' }}", page) == "September 5, 2021")
        #expect(output("{{ d | date: '%a %b %e %H:%M:%S %j %I%p %y %z' }}", page) == "Sun Sep  5 14:03:09 248 02PM 21 +0800")
        #expect(output("{{ d | date_to_xmlschema }}", page) == "2021-09-05T14:03:09+08:00")
        #expect(output("{{ d | date_to_string }}|{{ d | date_to_long_string: 'ordinal', 'US' }}", page)
                == "5 Sep 2021|September 5th, 2021")
        #expect(output("{{ d | date_to_rfc822 }}", page) == "Sun, 05 Sep 2021 14:03:09 +0800")
        #expect(output("{{ d }}", page) == "2021-09-05 14:03:09 +0800")
        #expect(output("{{ 1152098955 | date: '%Y-%m-%d' }}") == "2006-07-05")
        #expect(output("{{ '1152098955' | date: '%Y-%m-%d' }}") == "2006-07-05")
        var environment = LiquidEnvironment()
        environment.now = PublicationDate(year: 2024, month: 1, day: 1, hour: 0, minute: 1, second: 58)
        #expect(render("{{ 'now' | date: '%Y-%m-%d %H:%M:%S' }}", environment: environment).0 == "2024-01-01 00:01:58")
    }

    @Test func urlFiltersJoinTheBaseOnce() {
        let environment = LiquidEnvironment(url: "https://example.org/", baseurl: "/blog/")
        #expect(render("{{ '/assets/a.png' | relative_url }} {{ 'b/' | relative_url }} {{ 'https://x.y/z' | relative_url }}",
                       environment: environment).0 == "/blog/assets/a.png /blog/b/ https://x.y/z")
        #expect(render("{{ '/feed.xml' | absolute_url }}", environment: environment).0 == "https://example.org/blog/feed.xml")
        #expect(render("{{ '/a' | relative_url }}").0 == "/a")
    }

    @Test func markdownifyUsesTheSitesRenderer() {
        let environment = LiquidEnvironment(markdownify: { "<p>" + $0.replacingOccurrences(of: "*", with: "") + "</p>" })
        #expect(render("{{ '*hi*' | markdownify }}", environment: environment).0 == "<p>hi</p>")
    }
}

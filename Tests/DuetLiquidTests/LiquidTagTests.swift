import DuetLiquid
import DuetModel
import Testing

/// Tags, checked against Liquid's documented behaviour (cases modelled on Shopify's liquid-spec).
@Suite struct LiquidTagTests {
    @Test func outputsLiteralsAndVariables() {
        #expect(output("hello {{ 'world' }}") == "hello world")
        #expect(output("{{ 42 }}|{{ -17 }}|{{ 3.14 }}|{{ nil }}|{{ true }}") == "42|-17|3.14||true")
        #expect(output("{{ page.tags[1] }} {{ page.tags.size }} {{ page.tags.first }}",
                       [("page", object(("tags", list(.string("a"), .string("b")))))]) == "b 2 a")
        #expect(output("中文 {{ x }} äöü", [("x", .string("值"))]) == "中文 值 äöü")
    }

    @Test func whitespaceControlTrimsNeighbours() {
        #expect(output("a  {{- 'b' -}}  c") == "abc")
        #expect(output("a\n{%- if true -%}\n b \n{%- endif -%}\nc") == "abbc".replacingOccurrences(of: "bb", with: "b"))
    }

    @Test func conditionalsFollowLiquidTruth() {
        #expect(output("{% if x %}yes{% else %}no{% endif %}", [("x", .string(""))]) == "yes")
        #expect(output("{% if x %}yes{% else %}no{% endif %}") == "no")
        #expect(output("{% unless x %}u{% endunless %}", [("x", .bool(false))]) == "u")
        #expect(output("{% if a == 1 %}one{% elsif a == 2 %}two{% else %}many{% endif %}", [("a", .int(2))]) == "two")
        // Liquid groups and/or from the right: true or (false and false).
        #expect(output("{% if true or false and false %}t{% else %}f{% endif %}") == "t")
        #expect(output("{% if s contains 'ell' and l contains 2 %}c{% endif %}", [("s", .string("hello")), ("l", list(.int(1), .int(2)))]) == "c")
        #expect(output("{% if 1 < 2.5 and 'b' > 'a' and 3 != 4 and 5 <> 6 %}ok{% endif %}") == "ok")
    }

    @Test func emptyAndBlank() {
        #expect(output("{% if x == empty %}e{% else %}n{% endif %}", [("x", .string(""))]) == "e")
        #expect(output("{% if missing == empty %}e{% else %}n{% endif %}") == "n")
        #expect(output("{% if x == blank %}b{% else %}n{% endif %}", [("x", .string("  "))]) == "b")
        #expect(output("{% if f == blank %}b{% else %}n{% endif %}", [("f", .bool(false))]) == "b")
        #expect(output("{% unless items == empty %}{{ items.size }}{% endunless %}", [("items", list(.int(1), .int(2), .int(3)))]) == "3")
    }

    @Test func caseWhen() {
        let template = "{% case x %}{% when 1, 2 %}low{% when 'z' or 'q' %}letter{% else %}other{% endcase %}"
        #expect(output(template, [("x", .int(2))]) == "low")
        #expect(output(template, [("x", .string("q"))]) == "letter")
        #expect(output(template, [("x", .int(9))]) == "other")
        // As in Liquid, every matching `when` renders.
        #expect(output("{% case 'a' %}{% when 'a' %}1{% when 'a' %}2{% else %}E{% endcase %}") == "12")
    }

    @Test func forLoopsWithLimitOffsetReversedAndForloop() {
        let items: [(String, LiquidValue)] = [("items", list(.int(1), .int(2), .int(3), .int(4), .int(5)))]
        #expect(output("{% for i in items limit:2 offset:1 %}{{ i }}{% endfor %}", items) == "23")
        #expect(output("{% for i in (1..4) reversed limit: 2 %}{{ i }}{% endfor %}") == "21")
        #expect(output("{% for i in items %}{% if forloop.first %}[{% endif %}{{ forloop.index }}/{{ forloop.length }}{% if forloop.last %}]{% else %},{% endif %}{% endfor %}", items)
                == "[1/5,2/5,3/5,4/5,5/5]")
        #expect(output("{% for i in (1..2) %}{% for j in (1..2) %}{{ forloop.parentloop.index }}.{{ forloop.index }} {% endfor %}{% endfor %}")
                == "1.1 1.2 2.1 2.2 ")
        #expect(output("{% for i in none %}x{% else %}nothing{% endfor %}") == "nothing")
        #expect(output("{% for i in (1..5) %}{% if i == 3 %}{% break %}{% endif %}{{ i }}{% endfor %}") == "12")
        #expect(output("{% for i in (1..5) %}{% if i == 3 %}{% continue %}{% endif %}{{ i }}{% endfor %}") == "1245")
        #expect(output("{% for pair in h %}{{ pair[0] }}={{ pair[1] }};{% endfor %}", [("h", object(("a", .int(1)), ("b", .int(2))))]) == "a=1;b=2;")
    }

    @Test func assignAndCaptureReachTheOuterScope() {
        #expect(output("{% for i in (1..2) %}{% assign x = i %}{{ x }}{% endfor %}{{ x }}") == "122")
        #expect(output("{% assign x = 'outer' %}{% for x in items %}{{ x }}{% endfor %}{{ x }}",
                       [("items", list(.string("a"), .string("b")))]) == "abouter")
        #expect(output("{% capture msg %}{% assign y = 'in' %}Hi {{ 'there' | upcase }}{% endcapture %}{{ msg }}-{{ y }}") == "Hi THERE-in")
        #expect(output("{% assign words = 'a,b,c' | split: ',' %}{{ words | join: '+' }}") == "a+b+c")
    }

    @Test func rawAndCommentAreNotEvaluated() {
        #expect(output("{% raw %}{{ not.evaluated }} {% if %}{% endraw %}!") == "{{ not.evaluated }} {% if %}!")
        #expect(output("a{% comment %}{% if broken {{ %}{% endcomment %}b") == "ab")
        #expect(output("a{% comment %}x{% comment %}y{% endcomment %}z{% endcomment %}b") == "ab")
        #expect(output("a{% # an inline comment %}b") == "ab")
    }

    @Test func countersAndCycle() {
        #expect(output("{% increment n %}{% increment n %}{% decrement m %}") == "01-1")
        #expect(output("{% for i in (1..4) %}{% cycle 'a', 'b' %}{% endfor %}") == "abab")
    }

    @Test func includesSeeTheirParametersAndShareAssignments() {
        var environment = LiquidEnvironment(include: { name in
            switch name {
            case "note.html": return .init(path: "includes/note.html", text: "<aside>{{ include.text | upcase }}{% assign seen = 'yes' %}</aside>")
            case "loop.html": return .init(path: "includes/loop.html", text: "again {% include loop.html %}")
            case "a.html": return .init(path: "includes/a.html", text: "{% include b.html %}")
            case "b.html": return .init(path: "includes/b.html", text: "\n{{ x | bogus }}{% include a.html %}")
            default: return nil
            }
        })
        environment.globals["v"] = .string("from a variable")
        let (html, diagnostics) = render("{% include note.html text=\"hi\" %}{{ seen }}|{% include note.html text=v %}", environment: environment)
        #expect(html == "<aside>HI</aside>yes|<aside>FROM A VARIABLE</aside>")
        #expect(diagnostics.isEmpty)

        let (_, selfIncluding) = render("x\n{% include loop.html %}", environment: environment)
        #expect(selfIncluding.map(\.description) == [
            "includes/loop.html:1:7: error: include: 'loop.html' includes itself (included from t.md:2:1)",
        ])
        let (_, chain) = render("{% include a.html %}", environment: environment)
        #expect(chain.map(\.description) == [
            "includes/b.html:2:1: warning: unknown Liquid filter 'bogus' left as text (Duet does not know it) (included from includes/a.html:1:1, from t.md:1:1)",
            "includes/b.html:2:16: error: include: 'a.html' includes itself (included from includes/a.html:1:1, from t.md:1:1)",
        ])
        let (_, missing) = render("\n  {% include nothing.html %}", environment: environment)
        #expect(missing.map(\.description) == ["t.md:2:3: error: include: there is no file 'nothing.html' in the includes folder"])
    }

    @Test func highlightIsAFencedBlock() {
        #expect(output("{% highlight java linenos %}\nclass A { String s = \"<b>\"; }\n{% endhighlight %}")
                == "\n```java\nclass A { String s = \"<b>\"; }\n```\n")
        #expect(output("{% highlight md %}\n```\ninner\n```\n{% endhighlight %}") == "\n````md\n```\ninner\n```\n````\n")
    }
}

import DuetLiquid
import DuetModel
import Testing

/// Bad templates: every problem located at its line and column, nothing hangs.
@Suite struct LiquidDiagnosticTests {
    private func messages(_ template: String, _ environment: LiquidEnvironment = LiquidEnvironment()) -> [String] {
        render(template, environment: environment).1.map(\.description)
    }

    @Test func unknownTagsAndFiltersStayAsTextWithAWarning() {
        let (html, diagnostics) = render("a\n  {% gist 12345 %} {{ x | frobnicate: 2 }}")
        #expect(html == "a\n  {% gist 12345 %} {{ x | frobnicate: 2 }}")
        #expect(diagnostics.map(\.description) == [
            "t.md:2:3: warning: unknown Liquid tag 'gist' left as text (Duet does not know it)",
            "t.md:2:20: warning: unknown Liquid filter 'frobnicate' left as text (Duet does not know it)",
        ])
    }

    @Test func unclosedBlocksAreErrorsAtTheirOpening() {
        #expect(messages("x\n{% if a %}never closed") == ["t.md:2:1: error: '{% if %}' is never closed with '{% endif %}'"])
        #expect(messages("{% raw %}open") == ["t.md:1:1: error: '{% raw %}' is never closed with '{% endraw %}'"])
        #expect(messages("\n\n {% highlight ruby %}\nputs 1") == ["t.md:3:2: error: '{% highlight %}' is never closed with '{% endhighlight %}'"])
        #expect(messages("{% for x in y %}") == ["t.md:1:1: error: '{% for %}' is never closed with '{% endfor %}'"])
        #expect(messages("{{ oops") == ["t.md:1:1: error: '{{' is never closed with '}}'"])
        #expect(messages("ok {% endif %}") == ["t.md:1:4: error: '{% endif %}' has no opening '{% if %}'"])
        #expect(messages("{{ 'a' | }}") == ["t.md:1:1: error: Liquid syntax error in '{{ 'a' | }}': expected a name at the end"])
    }

    @Test func wrongTypesAreLocatedErrors() {
        #expect(messages("{% for x in n %}{% endfor %}", LiquidEnvironment(globals: LiquidObject([("n", .int(3))])))
                == ["t.md:1:1: error: for: 'x' cannot loop over an integer"])
        #expect(messages("\n{{ 'soon' | date: '%Y' }}") == ["t.md:2:1: error: date: cannot read 'soon' as a date"])
        #expect(messages("{{ 'x' | plus: 1 }}") == ["t.md:1:1: error: plus: expected a number, found text 'x'"])
        #expect(messages("{{ 1 | divided_by: 0 }}") == ["t.md:1:1: error: divided_by: divided by 0"])
        #expect(messages("{{ 5 | join: ',' }}") == ["t.md:1:1: error: join: expected a list, found an integer"])
        #expect(messages("{% post_url 2001-01-01-nowhere %}") == ["t.md:1:1: error: post_url: there is no post '2001-01-01-nowhere'"])
    }

    @Test func runawayWorkIsStopped() {
        var environment = LiquidEnvironment()
        environment.maxSteps = 1_000
        let (_, long) = render("{% for i in (1..100) %}{% for j in (1..100) %}.{% endfor %}{% endfor %}", environment: environment)
        #expect(long.map(\.description) == ["t.md:1:24: error: Liquid stopped after 1000 steps: a loop that does not end?"])
        #expect(messages("{% for i in (1..999999999) %}{% endfor %}") == ["t.md:1:1: error: the range (1..999999999) is too long"])
        environment = LiquidEnvironment(include: { name in .init(path: "includes/\(name)", text: "{% include \(name == "a" ? "b" : "a") %}") })
        environment.maxIncludeDepth = 4
        let deep = render("{% include a %}", environment: environment).1
        #expect(deep.count == 1)
        #expect(deep.first?.message.hasPrefix("include: 'a' includes itself") == true)
    }

    @Test func extremeNumbersAndNestingNeverCrash() {
        #expect(output("{{ 9223372036854775807 | divided_by: -1 }} {{ -9223372036854775807 | minus: 10 | divided_by: -1 }}").isEmpty == false)
        #expect(output("{{ x | ceil }} {{ x | floor }} {{ 1.5 | round: 400 }}", [("x", .double(1e300))]) == "1e+300 1e+300 1.5")
        #expect(messages("{% for i in (-9223372036854775807..9223372036854775807) %}{% endfor %}").count == 1)
        #expect(messages("{{ 9223372036854775807 | date: '%Y' }}") == ["t.md:1:1: error: date: expected a date, found an integer"])
        let deep = String(repeating: "{% if true %}", count: 5_000) + "x"
        #expect(messages(deep).first == "t.md:1:1301: error: '{% if %}' is nested more than 100 blocks deep")
    }

    @Test func protectedRangesAreLeftAlone() {
        let text = "`{{ code }}` and {{ x }}"
        let source = LiquidSource(text: text, path: "t.md", protected: [0..<12])
        let (html, diagnostics) = LiquidTemplate(source).render(in: LiquidEnvironment(globals: LiquidObject([("x", .int(1))])))
        #expect(html == "`{{ code }}` and 1")
        #expect(diagnostics.isEmpty)
    }
}

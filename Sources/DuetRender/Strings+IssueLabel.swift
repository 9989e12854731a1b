import DuetModel

extension Strings {
    /// "Vol. 2, No. 1" in this language. An issue from before the journal's first year (an
    /// imported archive's older posts) has no volume: it is named by its quarter instead, never
    /// "Vol. -9".
    func issueLabel(_ issue: Issue) -> String {
        guard issue.volume >= 1 else { return formatQuarter(year: issue.year, quarter: issue.quarter) }
        return self["issue_label"]
            .replacingBytes("{volume}", with: formatNumber(issue.volume))
            .replacingBytes("{number}", with: formatNumber(issue.number))
    }
}

using ThiDua.Core.Errors;

namespace ThiDua.Core.Rewards;

/// <summary>
/// The council's rules (R13), a setting per award type: the share of members that must vote for the session to
/// decide (quorum, default 2/3), and the share of yes votes a nomination needs, of the members present (default:
/// more than 50 %) or of all members.
/// </summary>
public sealed record CouncilRules(double QuorumFraction = 2.0 / 3, double PassFraction = 0.5, bool PassOfMembers = false)
{
    /// <summary>Two thirds of the members present, more than half of them in favour: the defaults of the settings.</summary>
    public static readonly CouncilRules Default = new();

    /// <summary>True when <paramref name="present"/> members reach the quorum (2 of 3 is enough for 2/3).</summary>
    public bool QuorumMet(int members, int present) => members > 0 && present >= (QuorumFraction * members) - 1e-9;

    /// <summary>
    /// Of all members, at least the pass share (the law's practice: "từ 70 % trở lên tính trên tổng số thành viên": 7 of 10
    /// passes, 6 of 9 does not); of those present, more than the share (a majority: with 0.5, 2 of 4 is not enough, 3 of 4 is).
    /// </summary>
    public bool Passes(int yes, int members, int present) => PassOfMembers
        ? members > 0 && yes >= (PassFraction * members) - 1e-9
        : present > 0 && yes > (PassFraction * present) + 1e-9;
}

public sealed record Tally(int NominationId, int Yes, int No, int Abstain)
{
    public int Votes => Yes + No + Abstain;
}

public sealed record TallyResult(int NominationId, int Yes, int No, int Abstain, bool Passed);

public sealed record SessionResult(int Members, int Present, bool QuorumMet, IReadOnlyList<TallyResult> Results)
{
    public IReadOnlyList<int> PassedNominations => Results.Where(r => r.Passed).Select(r => r.NominationId).ToList();
}

/// <summary>Counts a closed session: quorum first, then each nomination against the pass share.</summary>
public static class Ballots
{
    /// <summary>A ballot has exactly one choice for each nomination of the session: 400 naming every stray, doubled or missing one.</summary>
    public static IReadOnlyList<(int NominationId, BallotChoice Choice)> EnsureComplete(IReadOnlyList<(int NominationId, BallotChoice Choice)> votes, IReadOnlySet<int> nominations)
    {
        var unknown = votes.Where(v => !nominations.Contains(v.NominationId)).Select(v => v.NominationId).ToList();
        var twice = votes.GroupBy(v => v.NominationId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var absent = nominations.Except(votes.Select(v => v.NominationId)).ToList();
        if (unknown.Count > 0 || twice.Count > 0 || absent.Count > 0)
        {
            throw new DomainException("Phiếu phải có đúng một lựa chọn cho mỗi hồ sơ của phiên họp.", new Dictionary<string, string[]>
            {
                ["votes"] = [.. unknown.Select(n => $"Hồ sơ {n} không thuộc phiên họp."), .. twice.Select(n => $"Hồ sơ {n} được chọn hai lần."), .. absent.Select(n => $"Thiếu lựa chọn cho hồ sơ {n}.")],
            });
        }
        return votes;
    }

    public static SessionResult Close(int members, int present, IReadOnlyList<Tally> tallies, CouncilRules rules)
    {
        var quorum = rules.QuorumMet(members, present);
        return new SessionResult(members, present, quorum,
            tallies.Select(t => new TallyResult(t.NominationId, t.Yes, t.No, t.Abstain, quorum && rules.Passes(t.Yes, members, present))).ToList());
    }
}

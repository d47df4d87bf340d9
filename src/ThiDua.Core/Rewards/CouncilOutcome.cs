namespace ThiDua.Core.Rewards;

/// <summary>Where a nomination goes when its council session closes, and what its route records.</summary>
/// <param name="To">The nomination's next status.</param>
/// <param name="Reason">The step's reason, with the counts.</param>
/// <param name="RejectionReason">Set when the council did not pass it.</param>
/// <param name="LeavesSession">True when the session did not decide it (no quorum), so another session may take it.</param>
public sealed record CouncilOutcome(NominationStatus To, string Reason, string? RejectionReason, bool LeavesSession)
{
    /// <summary>
    /// What a closed session does to one nomination (R13): without quorum nothing was decided and the nomination
    /// waits, received, for another session; with quorum it is passed ("voted", next the public notice) or rejected.
    /// </summary>
    public static CouncilOutcome Of(SessionResult session, TallyResult tally)
    {
        if (!session.QuorumMet)
        {
            return new(NominationStatus.Received, $"Phiên họp không đủ túc số ({session.Present}/{session.Members} thành viên bỏ phiếu)", null, LeavesSession: true);
        }
        var counts = $"{tally.Yes} đồng ý, {tally.No} không đồng ý, {tally.Abstain} không biểu quyết";
        return tally.Passed
            ? new(NominationStatus.Voted, $"Hội đồng thông qua: {counts}", null, LeavesSession: false)
            : new(NominationStatus.Rejected, $"Hội đồng không thông qua: {counts}", "Hội đồng không thông qua", LeavesSession: false);
    }
}

using ThiDua.Core.Errors;

namespace ThiDua.Core.Rewards;

public enum NominationStatus
{
    Draft,
    Submitted,
    Received,
    Returned,
    SentToCouncil,
    Voted,
    PubliclyNoticed,
    /// <summary>A state award the province proposed (Tờ trình) to the President or the Prime Minister, awaiting their decision.</summary>
    Proposed,
    Decided,
    Rejected,
}

/// <summary>
/// The dossier's route (R12, R13): draft → submitted (unit leader) → received (Reward Board) → returned with a
/// reason, or sent to council → voted → publicly noticed → decided; rejected at any step after receipt. A step
/// out of order is a conflict (409).
/// </summary>
public static class NominationWorkflow
{
    private static readonly Dictionary<NominationStatus, NominationStatus[]> Allowed = new()
    {
        [NominationStatus.Draft] = [NominationStatus.Submitted],
        [NominationStatus.Returned] = [NominationStatus.Submitted],
        [NominationStatus.Submitted] = [NominationStatus.Received, NominationStatus.Returned, NominationStatus.Decided],
        // Which of these steps a dossier takes is its award's rule set's (RewardRoute): the council, the notice before or after it.
        [NominationStatus.Received] = [NominationStatus.SentToCouncil, NominationStatus.Returned, NominationStatus.Rejected, NominationStatus.PubliclyNoticed, NominationStatus.Decided, NominationStatus.Proposed],
        [NominationStatus.SentToCouncil] = [NominationStatus.Voted, NominationStatus.Rejected, NominationStatus.Received],
        [NominationStatus.Voted] = [NominationStatus.PubliclyNoticed, NominationStatus.Rejected, NominationStatus.Decided, NominationStatus.Proposed],
        [NominationStatus.PubliclyNoticed] = [NominationStatus.Decided, NominationStatus.Rejected, NominationStatus.SentToCouncil, NominationStatus.Proposed],
        [NominationStatus.Proposed] = [NominationStatus.Decided, NominationStatus.Rejected],
        [NominationStatus.Decided] = [],
        [NominationStatus.Rejected] = [],
    };

    public static bool CanMove(NominationStatus from, NominationStatus to) => Allowed[from].Contains(to);

    public static void EnsureCanMove(NominationStatus from, NominationStatus to)
    {
        if (!CanMove(from, to))
        {
            throw new ConflictException($"Hồ sơ đang ở bước \"{from.VietnameseName()}\": không chuyển sang \"{to.VietnameseName()}\" được.");
        }
    }

    public static bool UnitCanEdit(NominationStatus status) => status is NominationStatus.Draft or NominationStatus.Returned;

    public static string VietnameseName(this NominationStatus status) => status switch
    {
        NominationStatus.Draft => "Đang soạn",
        NominationStatus.Submitted => "Đơn vị đã trình",
        NominationStatus.Received => "Ban TĐKT đã tiếp nhận",
        NominationStatus.Returned => "Trả lại đơn vị",
        NominationStatus.SentToCouncil => "Đưa ra Hội đồng",
        NominationStatus.Voted => "Hội đồng đã thông qua",
        NominationStatus.PubliclyNoticed => "Đang công khai lấy ý kiến",
        NominationStatus.Proposed => "Đã trình cấp trên",
        NominationStatus.Decided => "Đã có quyết định khen thưởng",
        _ => "Không khen thưởng",
    };

    public static string Code(this NominationStatus status) => status switch
    {
        NominationStatus.SentToCouncil => "sent_to_council",
        NominationStatus.PubliclyNoticed => "publicly_noticed",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>Decision numbers restart every 1 January for each issuing body: "Số: 05/QĐ-UBND".</summary>
public static class DecisionNumbers
{
    public static string Format(int sequence, string suffix) => $"{sequence:D2}/{suffix}";

    /// <summary>Reads "05/QĐ-UBND" or "5" into its sequence; null when the text is not a decision number of <paramref name="suffix"/>.</summary>
    public static int? Parse(string text, string suffix)
    {
        var t = text.Trim();
        if (t.StartsWith("Số:", StringComparison.OrdinalIgnoreCase))
        {
            t = t[3..].Trim();
        }
        var slash = t.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!string.Equals(t[(slash + 1)..].Trim(), suffix, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            t = t[..slash];
        }
        return int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
    }
}

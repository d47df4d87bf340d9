using MiniExcelLibs;
using ThiDua.Core.Rewards;

namespace ThiDua.Web.Features.Rewards;

/// <summary>The reward history and the 15 December statistics as XLSX workbooks (MiniExcel), with Vietnamese headers.</summary>
public static class RewardWorkbooks
{
    public static byte[] History(IReadOnlyList<RewardDto> rewards)
    {
        var rows = rewards.Select((r, i) => new Dictionary<string, object?>
        {
            ["STT"] = i + 1,
            ["Số quyết định"] = r.DecisionNumber,
            ["Ngày quyết định"] = r.DecisionDate.ToString("dd/MM/yyyy", WebSetup.Vietnamese),
            ["Người ký"] = $"{r.SignerTitle} {r.SignerName}",
            ["Hình thức khen thưởng"] = r.Award.VietnameseName(),
            ["Đợt"] = Rounds.Name(r.Round, r.Year),
            ["Đối tượng"] = r.NomineeKind.VietnameseName(),
            ["Họ và tên"] = r.PersonFullName,
            ["Chức vụ"] = r.PersonPosition,
            ["Nơi công tác"] = r.PersonOrganization,
            ["Mã đơn vị"] = r.UnitCode,
            ["Đơn vị"] = r.UnitName,
            ["Thành tích"] = r.Achievements,
            ["Tiền thưởng (đồng)"] = r.MoneyAmount,
        }).ToList();
        return Save(new Dictionary<string, object> { ["Khen thưởng"] = rows });
    }

    public static byte[] Statistics(RewardStatistics statistics)
    {
        var rows = statistics.ByAwardAndKind.Select(s => new Dictionary<string, object?>
        {
            ["Hình thức khen thưởng"] = s.Award.VietnameseName(),
            ["Đối tượng"] = s.NomineeKind.VietnameseName(),
            ["Số lượng"] = s.Count,
            ["Tiền thưởng (đồng)"] = s.Money,
        }).ToList();
        rows.Add(new Dictionary<string, object?> { ["Hình thức khen thưởng"] = "Tổng cộng", ["Đối tượng"] = $"{statistics.Decisions} quyết định", ["Số lượng"] = statistics.Total, ["Tiền thưởng (đồng)"] = statistics.Money });
        return Save(new Dictionary<string, object> { [$"Thống kê {statistics.Year}"] = rows });
    }

    private static byte[] Save(Dictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}

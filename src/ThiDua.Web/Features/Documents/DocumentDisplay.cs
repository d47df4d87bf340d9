using ThiDua.Data.Documents;

namespace ThiDua.Web.Features.Documents;

/// <summary>The words for a document's kind and state, on pages and in the audit log (<see cref="DisplayNames"/>).</summary>
public static class DocumentDisplay
{
    public static string KindName(OfficialDocumentKind kind) => kind switch
    {
        OfficialDocumentKind.Decision => "Quyết định khen thưởng",
        OfficialDocumentKind.StateProposal => "Tờ trình đề nghị khen thưởng cấp Nhà nước",
        OfficialDocumentKind.Proposal => "Tờ trình đề nghị khen thưởng",
        OfficialDocumentKind.Minutes => "Biên bản họp Hội đồng Thi đua – Khen thưởng",
        OfficialDocumentKind.ConsolidatedReport => "Báo cáo tổng hợp kết quả phong trào",
        _ => "Bảng xếp hạng chỉ số chuyển đổi số đã công bố",
    };

    public static string StateName(OfficialDocumentState state) => state switch
    {
        OfficialDocumentState.Draft => "Dự thảo",
        OfficialDocumentState.Pending => "Đang tạo bản PDF",
        OfficialDocumentState.Issued => "Đã ban hành",
        _ => "Chưa tạo được bản PDF",
    };
}

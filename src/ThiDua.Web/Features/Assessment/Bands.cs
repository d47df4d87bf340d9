using ThiDua.Core.Text;

namespace ThiDua.Web.Features.Assessment;

/// <summary>Colours of bands on pages: "Tốt" green, "Khá" blue, "Trung bình" yellow, "Yếu" red, others grey.</summary>
public static class Bands
{
    public static string CssClass(string? band) => band is null ? "band-none" : TextSearch.Fold(band) switch
    {
        "tot" or "xuat sac" => "band-tot",
        "kha" => "band-kha",
        "trung binh" => "band-trung-binh",
        "yeu" or "kem" => "band-yeu",
        _ => "band-none",
    };
}

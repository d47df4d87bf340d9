namespace ThiDua.Web.Infrastructure.Api;

/// <summary>The media types of the files the API answers with.</summary>
public static class ContentTypes
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvUtf8 = "text/csv; charset=utf-8";
    public const string Problem = "application/problem+json";
}

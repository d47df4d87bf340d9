namespace ThiDua.Web.Infrastructure.Documents;

public static class DocumentsSetup
{
    /// <summary>
    /// The official documents (issue 11): the DOCX renderer, the composer that drafts each document from the data, and the
    /// LibreOffice PDF converter (settings <c>Documents:LibreOfficePath</c>, <c>Documents:ConversionTimeoutSeconds</c>).
    /// The converter is a singleton: it owns the one LibreOffice profile and lets one conversion run at a time.
    /// </summary>
    public static IServiceCollection AddOfficialDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentOptions>().Bind(configuration.GetSection(DocumentOptions.Section))
            .Validate(o => o.ConversionTimeoutSeconds > 0, "Documents:ConversionTimeoutSeconds phải lớn hơn 0.")
            .Validate(o => o.WaitSeconds >= 0, "Documents:WaitSeconds không được âm.")
            .ValidateOnStart();
        services.AddSingleton<IPdfConverter, LibreOfficePdfConverter>();
        services.AddSingleton<DocxRenderer>();
        services.AddScoped<DocumentComposer>();
        return services;
    }
}

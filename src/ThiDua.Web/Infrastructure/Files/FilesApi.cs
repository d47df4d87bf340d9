using Microsoft.AspNetCore.Http.HttpResults;

namespace ThiDua.Web.Infrastructure.Files;

/// <summary><c>POST /api/v1/files</c> (evidence and attachments) and downloads.</summary>
public static class FilesApi
{
    public static IEndpointRouteBuilder MapFilesApi(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/api/v1/files").WithTags("Files");
        files.MapPost("/", Upload).RequireAuthorization(Policies.Upload).DisableAntiforgery()
            .WithSummary("Uploads one file (multipart field 'file'): PDF, DOCX, XLSX, PNG or JPEG by content, at most 20 MB. Returns its SHA-256.");
        files.MapGet("/{id:guid}", Download).RequireAuthorization(Policies.SignedIn);
        return app;
    }

    private static async Task<Created<FileDto>> Upload(IFormFile file, FileService files, CancellationToken ct)
    {
        var stored = await files.SaveAsync(file, FileTypes.Evidence, ct);
        return TypedResults.Created($"/api/v1/files/{stored.Id}", FileService.ToDto(stored));
    }

    private static async Task<FileStreamHttpResult> Download(Guid id, FileService files, CancellationToken ct)
    {
        var (file, content) = await files.OpenAsync(id, ct);
        return TypedResults.File(content, file.ContentType, file.FileName);
    }
}

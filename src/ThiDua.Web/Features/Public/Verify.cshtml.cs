using ThiDua.Web.Features.Documents;
using ThiDua.Web.Infrastructure.Security;

namespace ThiDua.Web.Features.Public;

/// <summary>
/// "Xác thực văn bản" for anyone (R18): the page a printed copy's QR code opens — the issued document checked again
/// from the stored file — and a form that checks any PDF someone holds.
/// </summary>
[Authorize(Policy = Policies.Public)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.PublicVerify)]
public sealed class VerifyModel(DocumentService documents) : CommandPageModel
{
    public VerificationDto? Result { get; private set; }

    /// <summary>True when the result is of a file the visitor sent, false when of a document by its address.</summary>
    public bool Uploaded { get; private set; }

    /// <summary>
    /// The answer in one line: an issued document of ThiDua intact; a file signed by ThiDua's key intact but not one of
    /// its issued documents; a valid signature of someone else; or not valid.
    /// </summary>
    public string Heading => Result switch
    {
        { Valid: true, Document: not null } => "Văn bản hợp lệ",
        { Valid: true, Trusted: true } => "Chữ ký số hợp lệ của hệ thống ThiDua",
        { Valid: true } => "Chữ ký số hợp lệ, nhưng không phải của hệ thống ThiDua",
        _ => "Văn bản không hợp lệ",
    };

    public async Task OnGetAsync(Guid? id)
    {
        if (id is Guid documentId)
        {
            Result = await documents.VerifyAsync(documentId, publicOnly: true);
        }
    }

    public Task<IActionResult> OnPostAsync(IFormFile? file) => RunAsync(async () =>
    {
        Result = await documents.VerifyUploadAsync(file);
        Uploaded = true;
        return Page();
    }, () => Task.CompletedTask);
}

namespace ThiDua.Core.Errors;

/// <summary>
/// A rule of the domain was broken by the caller's input: the request is invalid (HTTP 400).
/// The message is written for the person who sent it, in Vietnamese.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string message, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(message) => Errors = errors ?? new Dictionary<string, string[]>();

    /// <summary>Field (or node) → messages, as in a validation ProblemDetails.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static DomainException ForField(string field, string message) =>
        new(message, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The thing asked for does not exist (HTTP 404).</summary>
public class NotFoundException(string message) : Exception(message);

/// <summary>The request clashes with the current state: a stale version, a second vote, a step out of order (HTTP 409).</summary>
public class ConflictException(string message) : Exception(message);

/// <summary>The caller is known but may not do this (HTTP 403).</summary>
public class ForbiddenException(string message) : Exception(message);

namespace ThiDua.Web.Infrastructure.Operations;

/// <summary>Paths of stored files as a backup names them: relative, forward slashes, never leaving the files folder.</summary>
public static class StorePaths
{
    /// <summary>Plain segments only: no rooted path, drive, backslash, empty segment, "." or "..".</summary>
    public static bool IsSafe(string? path) =>
        !string.IsNullOrEmpty(path)
        && !Path.IsPathRooted(path)
        && path.IndexOfAny(['\\', ':', '\0']) < 0
        && path.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");

    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>; throws if it would fall outside.</summary>
    public static string Resolve(string root, string relative)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(fullRoot, relative));
        if (!IsSafe(relative) || !full.StartsWith(fullRoot, StringComparison.Ordinal))
        {
            throw new BackupException($"The path \"{relative}\" is outside the files folder.");
        }
        return full;
    }

    /// <summary>Every stored file under <paramref name="root"/>, relative and in ordinal order; half-written <c>.tmp</c> files are skipped.</summary>
    public static IReadOnlyList<string> List(string root) =>
        !Directory.Exists(root)
            ? []
            : Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(path => !path.EndsWith(".tmp", StringComparison.Ordinal))
                .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
                .ToList();
}

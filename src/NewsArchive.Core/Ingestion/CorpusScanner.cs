namespace NewsArchive.Core.Ingestion;

/// <summary>
/// Lists the article files of a corpus folder: every *.txt below it, except README files.
/// Symbolic links are not followed (a link loop cannot trap the scan), and a folder that cannot be read
/// is reported, so that the articles under it are kept rather than taken for deleted.
/// </summary>
public sealed class CorpusScanner(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Folders (relative) that could not be listed in the last scan.</summary>
    public List<string> UnreadableFolders { get; } = [];

    /// <summary>Entries passed over on purpose, with the reason (a symbolic link).</summary>
    public List<(string RelativePath, string Reason)> PassedOver { get; } = [];

    public static bool IsArticleFile(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        return name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            && !name.StartsWith("README", StringComparison.OrdinalIgnoreCase)
            && !name.StartsWith('.');
    }

    public string FullPathOf(CorpusFile file) => Path.Combine(Root, file.RelativePath);

    public string RelativePathOf(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    public IEnumerable<CorpusFile> Scan()
    {
        UnreadableFolders.Clear();
        PassedOver.Clear();
        var folders = new Stack<DirectoryInfo>();
        folders.Push(new DirectoryInfo(Root));
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = folder.GetFileSystemInfos();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                UnreadableFolders.Add(RelativePathOf(folder.FullName));
                continue;
            }

            // Sorted, so a run proceeds in a predictable order and its log reads like the folder.
            Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
            var subfolders = new List<DirectoryInfo>();
            foreach (var entry in entries)
            {
                if (entry.LinkTarget is not null)
                {
                    PassedOver.Add((RelativePathOf(entry.FullName), "symbolic link (not followed)"));
                }
                else if (entry is DirectoryInfo directory)
                {
                    subfolders.Add(directory);
                }
                else if (entry is FileInfo file && IsArticleFile(file.Name))
                {
                    yield return Describe(file);
                }
            }

            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                folders.Push(subfolders[i]);
            }
        }
    }

    /// <summary>The file at a relative path, or null when it is gone (or is no article file).</summary>
    public CorpusFile? Find(string relativePath)
    {
        var file = new FileInfo(Path.Combine(Root, relativePath));
        return file.Exists && file.LinkTarget is null && IsArticleFile(file.Name) ? Describe(file) : null;
    }

    private CorpusFile Describe(FileInfo file) =>
        new(RelativePathOf(file.FullName), file.Length, file.LastWriteTimeUtc.Ticks);
}

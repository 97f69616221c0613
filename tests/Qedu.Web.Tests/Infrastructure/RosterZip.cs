using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace Qedu.Web.Tests.Infrastructure;

/// <summary>A OneRoster CSV bundle in memory that a test can read and change cell by cell, then send as an upload.</summary>
public sealed class RosterZip
{
    private readonly Dictionary<string, List<string[]>> _files = new(StringComparer.Ordinal);

    public static RosterZip Read(byte[] zipBytes)
    {
        var bundle = new RosterZip();
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            bundle._files[entry.FullName] = Csv.Parse(reader.ReadToEnd());
        }
        return bundle;
    }

    /// <summary>A bundle of the given files (CSV text), with a manifest declaring exactly them bulk unless one is given.</summary>
    public static RosterZip Of(params (string Name, string Csv)[] files)
    {
        var bundle = new RosterZip();
        foreach (var (name, csv) in files)
        {
            bundle._files[name] = Csv.Parse(csv.EndsWith('\n') ? csv : csv + "\r\n");
        }
        if (!bundle._files.ContainsKey("manifest.csv"))
        {
            List<string[]> manifest = [["propertyName", "value"], ["manifest.version", "1.0"], ["oneroster.version", "1.2"]];
            manifest.AddRange(files.Select(f => new[] { "file." + f.Name[..^4], "bulk" }));
            bundle._files["manifest.csv"] = manifest;
        }
        return bundle;
    }

    public IReadOnlyList<string> Header(string file) => _files[file][0];

    /// <summary>The data rows as column → value, each with its row number as the import reports it (header = row 1).</summary>
    public List<(int Row, Dictionary<string, string> Cells)> Rows(string file)
    {
        var rows = _files[file];
        return rows.Skip(1).Select((r, i) => (i + 2, rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))).ToList();
    }

    public void Set(string file, int row, string column, string value)
    {
        var header = _files[file][0];
        var index = Array.IndexOf(header, column);
        if (index < 0)
        {
            throw new InvalidOperationException($"{file} has no column {column}");
        }
        _files[file][row - 1][index] = value;
    }

    public void Remove(string file) => _files.Remove(file);

    public byte[] ToZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, rows) in _files)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false)) { NewLine = "\r\n" };
                foreach (var row in rows)
                {
                    writer.WriteLine(string.Join(',', row.Select(v => v.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : v)));
                }
            }
        }
        return stream.ToArray();
    }

    /// <summary>The bundle as a multipart/form-data upload (field "file"), as a browser or curl -F sends it.</summary>
    public MultipartFormDataContent ToContent(string fileName = "roster.zip") => Upload(ToZip(), fileName);

    public static MultipartFormDataContent Upload(byte[] bytes, string fileName = "roster.zip")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}

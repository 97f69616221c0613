using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Localization;
using Qedu.Kernel.Web;

namespace Qedu.Web.Hosting;

internal static class JsonBodyGuard
{
    /// <summary>
    /// Every JSON body sent to the API is checked once, before any endpoint binds it: a string holding an unpaired UTF-16
    /// surrogate ("\ud800") or bytes that are not UTF-8 parses as JSON but cannot become a .NET string, and would fail
    /// deep inside whichever handler read it first. It is refused here with a 400 naming the field (its JSON path, as
    /// "items[0].name"). Malformed JSON is left to the binder, whose 400 says what is wrong. Bodies are already bounded
    /// by <see cref="ApiBodyLimit"/>.
    /// </summary>
    public static IApplicationBuilder UseQeduJsonBodyGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!WebSecurityServiceCollectionExtensions.IsApi(request) || !IsJson(request.ContentType)
                || !(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)))
            {
                await next(context);
                return;
            }
            request.EnableBuffering();
            byte[] body;
            using (var buffer = new MemoryStream())
            {
                await request.Body.CopyToAsync(buffer, context.RequestAborted);
                body = buffer.ToArray();
            }
            request.Body.Position = 0;
            if (InvalidString(body) is { } path)
            {
                var text = context.RequestServices.GetRequiredService<IStringLocalizer<KernelText>>();
                await Results.ValidationProblem(new Dictionary<string, string[]> { [path] = [text["Request.InvalidText"]] })
                    .ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                                    || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The path of the first string (name or value) that is not valid text, as "items[0].name", or null.</summary>
    public static string? InvalidString(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        // One frame per open object (the property being read) or array (the element being read).
        var frames = new List<(bool IsArray, string? Name, int Index)>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (!TryText(ref reader, out var name))
                        {
                            return PathOf(frames, "?");
                        }
                        frames[^1] = (false, name, 0);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        // A value: the next element of an array it sits in.
                        if (frames.Count > 0 && frames[^1].IsArray)
                        {
                            frames[^1] = (true, null, frames[^1].Index + 1);
                        }
                        if (reader.TokenType == JsonTokenType.String && !TryText(ref reader, out _))
                        {
                            return PathOf(frames, null);
                        }
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            frames.Add((reader.TokenType == JsonTokenType.StartArray, null, -1));
                        }
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON at all: the binder says so, in the caller's language.
        }
        return null;
    }

    private static bool TryText(ref Utf8JsonReader reader, out string? text)
    {
        try
        {
            text = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }

    private static string PathOf(List<(bool IsArray, string? Name, int Index)> frames, string? last)
    {
        var builder = new StringBuilder();
        foreach (var (isArray, name, index) in frames)
        {
            if (isArray)
            {
                builder.Append('[').Append(index).Append(']');
            }
            else if (name is not null)
            {
                builder.Append(builder.Length > 0 ? "." : "").Append(name);
            }
        }
        if (last is not null)
        {
            builder.Append(builder.Length > 0 ? "." : "").Append(last);
        }
        return builder.Length == 0 ? "$" : builder.ToString();
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Qedu.Web.Tests.Infrastructure;

/// <summary>Plan documents for the tests: the seeds (linked from the plans tests) and small ones written here.</summary>
public static class PlanFiles
{
    /// <summary>The text of a seed plan by its number ("001" … "004").</summary>
    public static byte[] Seed(string number) =>
        File.ReadAllBytes(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Seeds"), $"{number}_*.txt").Single());

    public static ByteArrayContent Body(byte[] bytes, string media = "application/octet-stream")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(media);
        return content;
    }

    public static ByteArrayContent Body(string text) => Body(Encoding.UTF8.GetBytes(text));

    /// <summary>Imports a document as a draft of the caller's bureau and returns its id.</summary>
    public static async Task<long> ImportAsync(HttpClient client, byte[] bytes, string fileName = "plan.txt")
    {
        using var response = await client.PostAsync($"/api/plans/import?fileName={Uri.EscapeDataString(fileName)}", Body(bytes));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"import: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    /// <summary>Imports and publishes, so the plan's units see it.</summary>
    public static async Task<long> PublishedAsync(HttpClient client, byte[] bytes, string fileName = "plan.txt")
    {
        var id = await ImportAsync(client, bytes, fileName);
        using var published = await client.PostAsync($"/api/plans/{id}/publish", null);
        Assert.Equal(HttpStatusCode.NoContent, published.StatusCode);
        return id;
    }

    /// <summary>The ids of a plan's tasks by printed number.</summary>
    public static async Task<Dictionary<string, long>> TasksAsync(HttpClient client, long planId) =>
        (await TaskElementsAsync(client, planId)).ToDictionary(t => t.Key, t => t.Value.GetProperty("id").GetInt64(), StringComparer.Ordinal);

    /// <summary>A plan's tasks as the API shows them, by printed number.</summary>
    public static async Task<Dictionary<string, JsonElement>> TaskElementsAsync(HttpClient client, long planId)
    {
        using var response = await client.GetAsync($"/api/plans/{planId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await response.JsonAsync();
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        void Walk(JsonElement section)
        {
            foreach (var task in section.GetProperty("tasks").EnumerateArray())
            {
                result[task.GetProperty("number").GetString()!] = task;
            }
            foreach (var child in section.GetProperty("sections").EnumerateArray())
            {
                Walk(child);
            }
        }
        foreach (var section in plan.GetProperty("sections").EnumerateArray())
        {
            Walk(section);
        }
        return result;
    }
}

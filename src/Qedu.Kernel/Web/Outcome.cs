using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Qedu.Kernel.Web;

/// <summary>Input problems keyed by field (request field name, or "file:row:column"), each with messages in the caller's language.</summary>
public sealed class InputErrors
{
    private readonly Dictionary<string, List<string>> _errors;

    // Empty for a request's own errors; "items[3]." for one item of a bulk request, which adds into the same set.
    private readonly string _prefix = "";

    public InputErrors()
    {
        _errors = new(StringComparer.Ordinal);
    }

    private InputErrors(Dictionary<string, List<string>> errors, string prefix)
    {
        _errors = errors;
        _prefix = prefix;
    }

    /// <summary>True when there is a problem (under this view's prefix, for one item of a bulk request).</summary>
    public bool Any => _prefix.Length == 0 ? _errors.Count > 0 : _errors.Keys.Any(k => k.StartsWith(_prefix, StringComparison.Ordinal));

    public IReadOnlyDictionary<string, List<string>> ByField => _errors;

    public InputErrors Add(string field, string message)
    {
        field = _prefix + field;
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public string? First(string field) => _errors.TryGetValue(field, out var list) ? list[0] : null;

    /// <summary>
    /// A text field, trimmed: null when empty (an error, <paramref name="requiredMessage"/>, unless that is null: an optional
    /// field), an error (<paramref name="tooLongMessage"/>) when longer than <paramref name="max"/> characters.
    /// </summary>
    public string? Text(string field, string? value, int max, string? requiredMessage, string tooLongMessage)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (requiredMessage is not null)
            {
                Add(field, requiredMessage);
            }
            return null;
        }
        if (text.Length > max)
        {
            Add(field, tooLongMessage);
        }
        return text;
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// The problems of one part of the request (<c>Prefixed("items[3]")</c> for a bulk item), in the same set: what is
    /// added here is keyed <c>items[3].field</c>, and <see cref="Any"/> here looks at that part only.
    /// </summary>
    public InputErrors Prefixed(string prefix) => new(_errors, $"{_prefix}{prefix}.");
}

public enum OutcomeKind
{
    Ok,
    Invalid,
    NotFound,
    Conflict,
    Forbidden,

    /// <summary>The caller's copy is out of date (its revision is not the stored one): HTTP 412 with the current revision.</summary>
    Stale,
}

/// <summary>What a use case returns: a value, or why there is none. Endpoints turn it into HTTP; pages show it.</summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, InputErrors? Errors, string? Message)
{
    public bool IsOk => Kind == OutcomeKind.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null, null);
    public static Outcome<T> Invalid(InputErrors errors) => new(OutcomeKind.Invalid, default, errors, null);
    public static Outcome<T> NotFound(string message) => new(OutcomeKind.NotFound, default, null, message);
    public static Outcome<T> Conflict(string field, string message) =>
        new(OutcomeKind.Conflict, default, new InputErrors().Add(field, message), message);
    public static Outcome<T> Forbidden(string message) => new(OutcomeKind.Forbidden, default, null, message);

    /// <summary>The stored revision when <see cref="Kind"/> is <see cref="OutcomeKind.Stale"/> (the ETag a 412 carries), else 0.</summary>
    public long CurrentRevision { get; init; }

    public static Outcome<T> Stale(long currentRevision, string? message = null) =>
        new(OutcomeKind.Stale, default, null, message) { CurrentRevision = currentRevision };

    /// <summary>A rule forbids the change, and no one field is to blame (a class that still has students).</summary>
    public static Outcome<T> Conflict(string message) => new(OutcomeKind.Conflict, default, new InputErrors(), message);

    /// <summary>The HTTP answer: the value (200, or 201 with a location), or a problem document with the messages.</summary>
    public IResult ToHttp(Func<T, IResult>? ok = null) => Kind switch
    {
        OutcomeKind.Ok => ok?.Invoke(Value!) ?? Results.Ok(Value),
        OutcomeKind.Invalid => Results.ValidationProblem(Errors!.ToDictionary(), statusCode: StatusCodes.Status400BadRequest),
        OutcomeKind.NotFound => Results.Problem(Message, statusCode: StatusCodes.Status404NotFound),
        OutcomeKind.Conflict => Results.ValidationProblem(Errors!.ToDictionary(), Message, statusCode: StatusCodes.Status409Conflict),
        OutcomeKind.Forbidden => Results.Problem(Message, statusCode: StatusCodes.Status403Forbidden),
        OutcomeKind.Stale => Results.Problem(Message, statusCode: StatusCodes.Status412PreconditionFailed),
        _ => throw new InvalidOperationException(),
    };

    // Typed results: the same answers as ToHttp, but in the endpoint's signature, so the OpenAPI document states them
    // (the success with its schema, 400 with its field errors) without hand-written .Produces.

    /// <summary>200 with the value, or the problem (<see cref="ToHttp"/>'s answers).</summary>
    public Results<Ok<T>, ValidationProblem, ProblemHttpResult> ToTypedResult() => Typed(value => TypedResults.Ok(value));

    /// <summary>200 with a body made from the value, or the problem.</summary>
    public Results<Ok<TBody>, ValidationProblem, ProblemHttpResult> ToOk<TBody>(Func<T, TBody> body) => Typed(value => TypedResults.Ok(body(value)));

    /// <summary>201 with a location and a body made from the value, or the problem.</summary>
    public Results<Created<TBody>, ValidationProblem, ProblemHttpResult> ToCreated<TBody>(Func<T, string> location, Func<T, TBody> body) =>
        Typed(value => TypedResults.Created(location(value), body(value)));

    /// <summary>204, or the problem.</summary>
    public Results<NoContent, ValidationProblem, ProblemHttpResult> ToNoContent() => Typed(_ => TypedResults.NoContent());

    private Results<TOk, ValidationProblem, ProblemHttpResult> Typed<TOk>(Func<T, TOk> ok)
        where TOk : IResult => Kind switch
    {
        OutcomeKind.Ok => ok(Value!),
        OutcomeKind.Invalid => TypedResults.ValidationProblem(Errors!.ToDictionary()),
        // Every other kind is a problem document exactly as ToHttp writes it (Results.Problem and
        // Results.ValidationProblem with a status both give a ProblemHttpResult), so a kind added there is answered here.
        _ => ToHttp() as ProblemHttpResult ?? throw new InvalidOperationException($"{Kind} is not answered with a problem document."),
    };
}

/// <summary>The body of a 201 for something new that has a number: {"id": 42}.</summary>
public sealed record NewId(long Id);

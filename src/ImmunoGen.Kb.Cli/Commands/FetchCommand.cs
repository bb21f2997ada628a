using System.CommandLine;
using System.Globalization;
using System.Net;
using ImmunoGen.Kb.Fetch;

namespace ImmunoGen.Kb.Cli.Commands;

/// <summary>
/// <c>kb fetch --cik 855654 [--since 2006-01-01] [--forms 8-K,8-K/A]</c>: downloads the company's filings that
/// <c>content/raw</c> does not hold yet from EDGAR. A thin shell over <see cref="FilingFetcher"/>.
/// </summary>
internal static class FetchCommand
{
    public static Command Create() => Create(Environment.GetEnvironmentVariable);

    /// <param name="environment">Reads an environment variable; tests pass their own so the machine's settings do not leak in.</param>
    internal static Command Create(Func<string, string?> environment)
    {
        var cik = new Option<long>("--cik") { Description = "The company's EDGAR Central Index Key (ImmunoGen: 855654)", Required = true };
        var since = new Option<string?>("--since") { Description = "Only filings filed on or after this day (YYYY-MM-DD)" };
        var forms = new Option<string>("--forms")
        {
            Description = "Comma-separated form types, matched exactly (8-K does not include 8-K/A)",
            DefaultValueFactory = _ => string.Join(',', FetchOptions.DefaultForms),
        };
        var content = new Option<string>("--content") { Description = "The content folder; filings land in its raw/ folder", DefaultValueFactory = _ => "content" };
        var userAgent = new Option<string?>("--user-agent")
        {
            Description = $"Who is asking, as SEC requires: \"Company Name admin@example.com\" (default: ${EdgarUserAgent.EnvironmentVariable})",
        };
        var apiBase = new Option<string>("--api-base")
        {
            Description = "Base address of EDGAR's submissions API",
            DefaultValueFactory = _ => EdgarOptions.DefaultApiBase.ToString(),
        };
        var archiveBase = new Option<string>("--archive-base")
        {
            Description = "Base address of EDGAR's filing archive",
            DefaultValueFactory = _ => EdgarOptions.DefaultArchiveBase.ToString(),
        };

        var command = new Command("fetch", "Download the company's new filings from SEC EDGAR into content/raw/")
        {
            cik, since, forms, content, userAgent, apiBase, archiveBase,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;

            var identity = parse.GetValue(userAgent) ?? environment(EdgarUserAgent.EnvironmentVariable);
            if (EdgarUserAgent.Problem(identity) is { } refusal)
            {
                await error.WriteLineAsync($"kb fetch: {refusal}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            DateOnly? first = null;
            if (parse.GetValue(since) is { } sinceText)
            {
                if (!DateOnly.TryParseExact(sinceText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    await error.WriteLineAsync($"kb fetch: --since \"{sinceText}\" is not a date (YYYY-MM-DD)").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                first = day;
            }

            var formList = (parse.GetValue(forms) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (formList.Length == 0)
            {
                await error.WriteLineAsync("kb fetch: --forms names no form type (e.g. 8-K or 8-K,8-K/A)").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var bases = new List<Uri>();
            foreach (var text in new[] { parse.GetValue(apiBase), parse.GetValue(archiveBase) })
            {
                if (!Uri.TryCreate(text, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
                {
                    await error.WriteLineAsync($"kb fetch: \"{text}\" is not an http(s) address").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                bases.Add(address);
            }

            var company = parse.GetValue(cik);
            if (company is <= 0 or > 9_999_999_999)
            {
                await error.WriteLineAsync($"kb fetch: --cik {company} is not a 1- to 10-digit number").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            // One client for the run; EdgarClient times each attempt itself, so HttpClient's own timeout is off.
            using var handler = new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All };
            using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            var client = new EdgarClient(http, new EdgarOptions { UserAgent = identity!, ApiBase = bases[0], ArchiveBase = bases[1] });
            var options = new FetchOptions
            {
                Cik = company,
                ContentDirectory = parse.GetValue(content)!,
                Since = first,
                Forms = formList,
                OnDownloaded = f => output.WriteLine($"{f.Filing.Accession} {f.Filing.Form} filed {f.Filing.FilingDate:yyyy-MM-dd} -> {f.Path}"),
            };

            FetchResult result;
            try
            {
                result = await new FilingFetcher(client).FetchAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync("kb fetch: interrupted; files already fetched are complete, run it again to finish").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                await error.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
            }

            await output.WriteLineAsync(result.Summary).ConfigureAwait(false);
            return result.HasErrors ? ExitCodes.BadInput : ExitCodes.Success;
        });

        return command;
    }
}

namespace ImmunoGen.Kb.Diagnostics;

/// <summary>
/// Stable diagnostic codes, grouped by the stage that reports them. Tests match on these, not on wording.
/// KB1xxx import, KB2xxx content pages, KB3xxx entities, KB4xxx templates and rendering,
/// KB5xxx site check, KB6xxx build and output, KB7xxx fetch.
/// </summary>
public static class DiagnosticCodes
{
    public static class Import
    {
        public const string EmptyFile = "KB1001";
        public const string BinaryFile = "KB1002";
        public const string Undecodable = "KB1003";
        public const string NotAFiling = "KB1004";
        public const string NoDate = "KB1005";
        public const string ImpossibleDate = "KB1006";
        public const string NoTitle = "KB1007";
        public const string TooLarge = "KB1008";
        public const string NoFilingDocument = "KB1009";
        public const string Duplicate = "KB1010";
        public const string EditedPageKept = "KB1011";
        public const string Unreadable = "KB1012";
        public const string Truncated = "KB1013";
        public const string WriteFailed = "KB1014";
        public const string StateUnreadable = "KB1015";
        public const string NotFound = "KB1016";
    }

    public static class Content
    {
        public const string BadFrontMatter = "KB2001";
        public const string UnknownKey = "KB2002";
        public const string WrongType = "KB2003";
        public const string DuplicateSlug = "KB2004";
        public const string MissingFrontMatter = "KB2005";
        public const string MissingName = "KB2006";
        public const string YamlTooComplex = "KB2007";
        public const string Unreadable = "KB2008";
    }

    public static class Entities
    {
        public const string DuplicateAlias = "KB3001";
        public const string UnknownEntity = "KB3002";
        public const string Discovered = "KB3003";
    }

    public static class Render
    {
        public const string TemplateSyntax = "KB4001";
        public const string UnknownPartial = "KB4002";
        public const string MissingTemplate = "KB4003";
        public const string RenderFailed = "KB4004";
    }

    public static class Check
    {
        public const string BrokenLink = "KB5001";
        public const string BrokenAnchor = "KB5002";
        public const string Unreachable = "KB5003";
        public const string MissingTitle = "KB5004";
        public const string MissingEntityPage = "KB5005";
        public const string ExternalReference = "KB5006";
        public const string InvalidHtml = "KB5007";
    }

    public static class Build
    {
        public const string Locked = "KB6001";
        public const string WriteFailed = "KB6002";
        public const string Usage = "KB6003";
    }

    public static class Fetch
    {
        public const string NoUserAgent = "KB7001";
        public const string HttpFailed = "KB7002";
        public const string BadResponse = "KB7003";
        public const string Locked = "KB7004";
        public const string WriteFailed = "KB7005";
        public const string Unreadable = "KB7006";
        public const string BadOption = "KB7007";
    }
}

namespace ImmunoGen.Kb.Render;

// View models handed to templates/layouts/*.hbs. Every value is preformatted text (escaped by the template) except
// properties ending in Html or Svg, which hold markup this renderer produced and are emitted with {{{triple}}} braces.
// Every page model has Root (the relative prefix to the site root: "" or "../") and Title.

/// <summary>A link: where to and what it says.</summary>
public sealed record LinkView(string Href, string Text);

/// <summary>A navigation or facet link; <see cref="Current"/> marks the page being shown.</summary>
public sealed record NavLink(string Href, string Text, bool Current, int? Count = null);

/// <summary>The model of templates/layouts/base.hbs, the one layout.</summary>
public sealed record LayoutView(
    string Root,
    string Title,
    string Description,
    string SiteName,
    string Body,
    IReadOnlyList<NavLink> Nav,
    string FeedHref,
    string FeedTitle);

/// <summary>An event with everything a row needs; <see cref="Id"/> is its anchor on its filing page (<c>event-1</c>).</summary>
public sealed record EventView(
    string Id,
    string DateText,
    string DateIso,
    string TypeLabel,
    string TypeKey,
    string Phase,
    LinkView? Compound,
    LinkView? Partner,
    string Amount,
    bool Potential,
    string Detail,
    LinkView Source,
    string EventHref);

/// <summary>A filing in a list.</summary>
public sealed record FilingRow(
    string Href,
    string Title,
    string DateText,
    string DateIso,
    string Items,
    IReadOnlyList<LinkView> Compounds,
    IReadOnlyList<LinkView> Partners);

public sealed record YearGroup(string Year, string Id, IReadOnlyList<FilingRow> Filings);

public sealed record EventYearGroup(string Year, string Id, IReadOnlyList<EventView> Events);

/// <summary>A sentence of a filing that names the entity, linked to its paragraph.</summary>
public sealed record SentenceView(string Text, string Href);

/// <summary>A filing that mentions an entity, with the mentioning sentences (boilerplate-only filings have none).</summary>
public sealed record MentioningFiling(string Href, string Title, string DateText, string DateIso, IReadOnlyList<SentenceView> Sentences, bool BoilerplateOnly);

public sealed record QuoteView(string Text, string DateText, string DateIso, LinkView Person, LinkView Source, IReadOnlyList<LinkView> Compounds);

public sealed record StageRow(string Stage, string DateText, string DateIso, LinkView Source);

public sealed record CompoundRow(
    string Href,
    string Name,
    string Kind,
    string Target,
    string Payload,
    string Stage,
    string StageDate,
    string LatestEvent,
    string LatestDate,
    IReadOnlyList<LinkView> Partners);

public sealed record PipelineGroup(string Stage, IReadOnlyList<CompoundRow> Compounds);

public sealed record PartnerRow(
    string Href,
    string Name,
    string Relationship,
    int CompoundCount,
    int FilingCount,
    string Received,
    string Potential,
    string LatestDate);

public sealed record PersonRow(string Href, string Name, string LatestRole, string LatestSeen, int QuoteCount, int FilingCount);

public sealed record LedgerRow(
    string DateText,
    string DateIso,
    string TypeLabel,
    LinkView? Compound,
    string Deal,
    string Amount,
    string Status,
    string Detail,
    LinkView Source);

public sealed record RoleRow(string Title, string Organization, string From, string To, IReadOnlyList<LinkView> Sources);

public sealed record FactView(string Label, string Value);

public sealed record SignatoryView(string Name, string? Href, string Title);

public sealed record GraphGroup(string Id, string Name, string Kind, IReadOnlyList<LinkView> Compounds);

public sealed record HomeView(
    string Root,
    string Title,
    string Description,
    string SiteName,
    string Company,
    string FirstDate,
    string LastDate,
    string FirstDateIso,
    string LastDateIso,
    int FilingCount,
    int CompoundCount,
    int PartnerCount,
    int PersonCount,
    int EventCount,
    IReadOnlyList<PipelineGroup> Pipeline,
    IReadOnlyList<EventView> LatestEvents,
    IReadOnlyList<FilingRow> LatestFilings,
    IReadOnlyList<PartnerRow> PartnersByMoney);

public sealed record FilingsView(
    string Root,
    string Title,
    string Description,
    string Heading,
    string FilterText,
    bool Filtered,
    int Count,
    IReadOnlyList<YearGroup> Years,
    IReadOnlyList<NavLink> ItemFacets,
    IReadOnlyList<NavLink> PartnerFacets,
    IReadOnlyList<NavLink> CompoundFacets);

public sealed record FilingView(
    string Root,
    string Title,
    string Description,
    string DateText,
    string DateIso,
    IReadOnlyList<FactView> Facts,
    IReadOnlyList<FactView> Items,
    IReadOnlyList<FactView> Exhibits,
    IReadOnlyList<SignatoryView> Signatories,
    string SourcePath,
    string SourceSha256,
    IReadOnlyList<LinkView> Compounds,
    IReadOnlyList<LinkView> Partners,
    IReadOnlyList<LinkView> People,
    IReadOnlyList<EventView> Events,
    IReadOnlyList<QuoteView> Quotes,
    string BodyHtml,
    LinkView? Previous,
    LinkView? Next);

public sealed record CompoundView(
    string Root,
    string Title,
    string Description,
    string Name,
    IReadOnlyList<FactView> Card,
    IReadOnlyList<LinkView> Partners,
    IReadOnlyList<LinkView> Related,
    string Aliases,
    string CurrentStage,
    string CurrentStageDate,
    string StageChartSvg,
    IReadOnlyList<StageRow> Stages,
    IReadOnlyList<EventView> Events,
    IReadOnlyList<MentioningFiling> Filings,
    IReadOnlyList<QuoteView> Quotes,
    string ProseHtml,
    string FeedHref);

public sealed record PartnerView(
    string Root,
    string Title,
    string Description,
    string Name,
    IReadOnlyList<FactView> Card,
    IReadOnlyList<LedgerRow> Ledger,
    string ReceivedTotal,
    string PotentialTotal,
    string FeesTotal,
    IReadOnlyList<CompoundRow> Compounds,
    IReadOnlyList<FilingRow> Filings,
    string ProseHtml,
    string FeedHref);

public sealed record PersonView(
    string Root,
    string Title,
    string Description,
    string Name,
    string Aliases,
    IReadOnlyList<RoleRow> Roles,
    IReadOnlyList<QuoteView> Quotes,
    IReadOnlyList<FilingRow> Filings,
    string ProseHtml);

public sealed record CompoundsIndexView(string Root, string Title, string Description, string Heading, IReadOnlyList<NavLink> Sorts, IReadOnlyList<CompoundRow> Compounds);

public sealed record PartnersIndexView(string Root, string Title, string Description, string Heading, IReadOnlyList<NavLink> Sorts, IReadOnlyList<PartnerRow> Partners);

public sealed record PeopleIndexView(string Root, string Title, string Description, string Heading, IReadOnlyList<NavLink> Sorts, IReadOnlyList<PersonRow> People);

public sealed record TimelineView(string Root, string Title, string Description, int Count, IReadOnlyList<EventYearGroup> Years);

public sealed record GraphView(string Root, string Title, string Description, string GraphSvg, IReadOnlyList<GraphGroup> Targets, IReadOnlyList<GraphGroup> Payloads);

/// <summary>The model of pages with no data of their own (search, 404).</summary>
public sealed record SimpleView(string Root, string Title, string Description);

using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Domain.Tests;

public class CreateWorkshopTests
{
    private static Decision Create(CreateWorkshop command) => Workshop.Create("ws", command, "ABC234", WorkshopBuilder.Now);

    [Fact]
    public void Creating_a_workshop_names_its_columns_and_keeps_only_hashes_of_the_keys()
    {
        var decision = Create(WorkshopBuilder.Create(["Expériences qui marchent", "Freins", "Préconisations"], "  Émergence ", "Quels espaces ?"));

        Assert.True(decision.IsAccepted);
        var created = Assert.IsType<WorkshopCreated>(Assert.Single(decision.Events));
        Assert.Equal("Émergence", created.Title);
        Assert.Equal(["c1", "c2", "c3"], created.Columns.Select(c => c.Id));
        Assert.Equal("Préconisations", created.Columns[2].Title);
        Assert.Equal("ABC234", decision.Value);
        Assert.NotEqual(WorkshopBuilder.FacilitatorSecret, created.FacilitatorKeyHash);
        Assert.DoesNotContain(WorkshopBuilder.FacilitatorSecret, created.FacilitatorKeyHash, StringComparison.Ordinal);
        Assert.Equal(WorkshopAccess.Hash(WorkshopBuilder.FacilitatorSecret), created.FacilitatorKeyHash);

        var state = Workshop.Apply(null, decision.Events);
        Assert.Equal(1, state.Version);
        Assert.Empty(state.Notes);
    }

    [Fact]
    public void A_blank_question_is_no_question()
    {
        var decision = Create(WorkshopBuilder.Create(["Idées"], question: "   "));
        Assert.Null(Assert.IsType<WorkshopCreated>(decision.Events[0]).Question);
    }

    public static TheoryData<string, string?, string[], WorkshopError> Refusals() => new()
    {
        { "", null, ["Idées"], WorkshopError.TitleRequired },
        { "   ", null, ["Idées"], WorkshopError.TitleRequired },
        { new string('t', Limits.TitleMaxLength + 1), null, ["Idées"], WorkshopError.TitleTooLong },
        { "Atelier", new string('q', Limits.QuestionMaxLength + 1), ["Idées"], WorkshopError.QuestionTooLong },
        { "Atelier", null, [], WorkshopError.TooFewColumns },
        { "Atelier", null, Enumerable.Repeat("c", Limits.ColumnsMax + 1).ToArray(), WorkshopError.TooManyColumns },
        { "Atelier", null, ["Idées", " "], WorkshopError.ColumnTitleRequired },
        { "Atelier", null, [new string('c', Limits.ColumnTitleMaxLength + 1)], WorkshopError.ColumnTitleTooLong },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Invalid_workshops_are_refused_with_the_reason(string title, string? question, string[] columns, WorkshopError expected)
    {
        var decision = Create(WorkshopBuilder.Create([.. columns], title, question));

        Assert.Equal(expected, decision.Error);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Limits_are_quoted_in_refusals()
    {
        var decision = Create(WorkshopBuilder.Create(["Idées"], new string('t', Limits.TitleMaxLength + 1)));
        Assert.Equal(Limits.TitleMaxLength, decision.Limit);
    }

    [Fact]
    public void Texts_at_their_limits_are_accepted()
    {
        var decision = Create(WorkshopBuilder.Create(
            [.. Enumerable.Repeat(new string('c', Limits.ColumnTitleMaxLength), Limits.ColumnsMax)],
            new string('t', Limits.TitleMaxLength),
            new string('q', Limits.QuestionMaxLength)));
        Assert.True(decision.IsAccepted);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has spaces in it and is long enough")]
    [InlineData("")]
    public void Weak_or_malformed_keys_are_refused(string secret)
    {
        var decision = Create(new CreateWorkshop("Atelier", null, ["Idées"], null, secret, WorkshopBuilder.ProjectorSecret));
        Assert.Equal(WorkshopError.InvalidRequest, decision.Error);
    }

    [Fact]
    public void Default_column_array_is_no_columns()
    {
        var decision = Create(new CreateWorkshop("Atelier", null, default, null, WorkshopBuilder.FacilitatorSecret, WorkshopBuilder.ProjectorSecret));
        Assert.Equal(WorkshopError.TooFewColumns, decision.Error);
    }

    [Fact]
    public void Secrets_never_appear_in_the_command_text()
    {
        var command = WorkshopBuilder.Create(["Idées"]);
        Assert.DoesNotContain(WorkshopBuilder.FacilitatorSecret, command.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(WorkshopBuilder.ProjectorSecret, command.ToString(), StringComparison.Ordinal);
        var credential = Credential.Facilitator(WorkshopBuilder.FacilitatorSecret);
        Assert.DoesNotContain(WorkshopBuilder.FacilitatorSecret, credential.ToString(), StringComparison.Ordinal);
    }
}

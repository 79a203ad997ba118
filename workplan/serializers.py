"""Plain input and output serializers of the work plan API (no logic: services decide)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from workplan.models import PlanStatus, SectionKind, SummaryKind, WorkPlan

TagNumbers = serializers.ListField(child=serializers.IntegerField(min_value=1))


class _TaggedOutMixin(serializers.Serializer):
    articles = serializers.SerializerMethodField()
    lap_actions = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_articles(self, obj) -> list[int]:
        tags = getattr(obj, "article_list", None)
        if tags is None:
            tags = obj.articles.all()
        return [t.number for t in tags]

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_lap_actions(self, obj) -> list[int]:
        tags = getattr(obj, "lap_action_list", None)
        if tags is None:
            tags = obj.lap_actions.all()
        return [t.number for t in tags]


# --- the nested document ---------------------------------------------------------------------


class LetteredItemOut(_TaggedOutMixin):
    id = serializers.IntegerField()
    letter = serializers.CharField()
    text = serializers.CharField()
    position = serializers.IntegerField()
    version = serializers.IntegerField()


class ParagraphOut(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.IntegerField()
    text = serializers.CharField()
    position = serializers.IntegerField()
    version = serializers.IntegerField()
    items = LetteredItemOut(many=True, source="item_list")


class ThematicAreaOut(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    article = serializers.IntegerField(source="article.number", allow_null=True, default=None)


class SubSectionOut(serializers.Serializer):
    id = serializers.IntegerField()
    letter = serializers.CharField()
    title = serializers.CharField()
    thematic_area = ThematicAreaOut(allow_null=True)
    paragraphs = ParagraphOut(many=True, source="paragraph_list")


class SectionOut(serializers.Serializer):
    id = serializers.IntegerField()
    numeral = serializers.CharField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=SectionKind.choices)
    paragraphs = ParagraphOut(many=True, source="direct_paragraphs")
    subsections = SubSectionOut(many=True, source="subsection_list")


class ActivityOut(_TaggedOutMixin):
    id = serializers.IntegerField()
    number = serializers.CharField()
    text = serializers.CharField()
    position = serializers.IntegerField()
    version = serializers.IntegerField()


class OutputOut(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    text = serializers.CharField()
    position = serializers.IntegerField()
    version = serializers.IntegerField()
    activities = ActivityOut(many=True, source="activity_list")


class OutcomeOut(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    text = serializers.CharField()
    position = serializers.IntegerField()
    version = serializers.IntegerField()
    outputs = OutputOut(many=True, source="output_list")


class SummaryItemOut(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=SummaryKind.choices)
    text = serializers.CharField()
    position = serializers.IntegerField()
    version = serializers.IntegerField()


class SummaryOut(serializers.Serializer):
    main_objective = serializers.CharField()
    specific_objectives_intro = serializers.CharField()
    specific_objectives = SummaryItemOut(many=True)
    expected_outcomes = SummaryItemOut(many=True)
    budget_total = serializers.DecimalField(max_digits=12, decimal_places=0)


class CostLineOut(serializers.Serializer):
    category = serializers.CharField()
    label = serializers.CharField(source="get_category_display")
    amount = serializers.DecimalField(max_digits=12, decimal_places=2)
    note = serializers.CharField()


class MeetingOut(serializers.Serializer):
    short_name = serializers.CharField()
    title = serializers.CharField()
    city = serializers.CharField()
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    dates_display = serializers.CharField()


class PlanOut(serializers.ModelSerializer):
    meeting = MeetingOut(allow_null=True)

    class Meta:
        model = WorkPlan
        fields = [
            "year",
            "title",
            "symbol",
            "document_date",
            "original_language",
            "distribution",
            "meeting",
            "agenda_item",
            "submitted_by",
            "title_footnote",
            "status",
            "version",
            "updated_at",
        ]


class PlanDetailOut(PlanOut):
    summary = serializers.SerializerMethodField()
    sections = serializers.SerializerMethodField()
    outcomes = serializers.SerializerMethodField()
    cost_lines = serializers.SerializerMethodField()

    class Meta(PlanOut.Meta):
        fields = [*PlanOut.Meta.fields, "summary", "sections", "outcomes", "cost_lines"]

    def _document(self):
        return self.context["document"]

    @extend_schema_field(SummaryOut)
    def get_summary(self, plan):
        document = self._document()
        return SummaryOut(
            {
                "main_objective": plan.main_objective,
                "specific_objectives_intro": plan.specific_objectives_intro,
                "specific_objectives": document.specific_objectives,
                "expected_outcomes": document.expected_outcomes,
                "budget_total": self.context["budget"]["total"],
            }
        ).data

    @extend_schema_field(SectionOut(many=True))
    def get_sections(self, plan):
        return SectionOut(self._document().sections, many=True).data

    @extend_schema_field(OutcomeOut(many=True))
    def get_outcomes(self, plan):
        return OutcomeOut(self._document().outcomes, many=True).data

    @extend_schema_field(CostLineOut(many=True))
    def get_cost_lines(self, plan):
        return CostLineOut(self.context["budget"]["lines"], many=True).data


# --- inputs ----------------------------------------------------------------------------------


class PlanCreateIn(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    title = serializers.CharField(required=False, allow_blank=True)
    symbol = serializers.CharField(required=False, allow_blank=True)
    document_date = serializers.DateField(required=False, allow_null=True)


class PlanUpdateIn(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    title = serializers.CharField(required=False)
    symbol = serializers.CharField(required=False, allow_blank=True)
    document_date = serializers.DateField(required=False, allow_null=True)
    original_language = serializers.CharField(required=False)
    agenda_item = serializers.CharField(required=False, allow_blank=True)
    submitted_by = serializers.CharField(required=False, allow_blank=True)
    title_footnote = serializers.CharField(required=False, allow_blank=True)
    main_objective = serializers.CharField(required=False, allow_blank=True)
    specific_objectives_intro = serializers.CharField(required=False, allow_blank=True)


class PlanListFilterStatus(serializers.Serializer):
    status = serializers.ChoiceField(choices=PlanStatus.choices, required=False)


class MoveIn(serializers.Serializer):
    position = serializers.IntegerField(help_text="The new place among its neighbours, from 1.")
    version = serializers.IntegerField(
        required=False, help_text="The version you saw; refused if it changed since."
    )


class _TextIn(serializers.Serializer):
    # Emptiness and length are checked by the service, which gives the one clear message.
    text = serializers.CharField(allow_blank=True, trim_whitespace=False)


class _NewIn(_TextIn):
    position = serializers.IntegerField(
        required=False, allow_null=True, help_text="Where it goes, from 1; default last."
    )


class _TagsIn(serializers.Serializer):
    articles = serializers.ListField(
        child=serializers.IntegerField(min_value=1), required=False, help_text="Article numbers"
    )
    lap_actions = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        help_text="Lausanne Action Plan action numbers",
    )


class UpdateIn(_TextIn):
    version = serializers.IntegerField(help_text="The version you edited.")


class TaggedUpdateIn(UpdateIn, _TagsIn):
    pass


class ParagraphNewIn(_NewIn):
    section = serializers.IntegerField()
    subsection = serializers.IntegerField(required=False, allow_null=True)


class LetteredItemNewIn(_NewIn, _TagsIn):
    paragraph = serializers.IntegerField()


class OutcomeNewIn(_NewIn):
    pass


class OutputNewIn(_NewIn):
    outcome = serializers.IntegerField()


class ActivityNewIn(_NewIn, _TagsIn):
    output = serializers.IntegerField()


class SummaryItemNewIn(_NewIn):
    kind = serializers.ChoiceField(choices=SummaryKind.choices)


class PartOut(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()
    position = serializers.IntegerField()
    version = serializers.IntegerField()


class TaggedPartOut(PartOut, _TaggedOutMixin):
    pass

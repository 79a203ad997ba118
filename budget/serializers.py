"""Plain input and output serializers of the budget API (no model serializers: the services
write, these only shape data)."""

from rest_framework import serializers

from budget.models import BudgetParameters, CostCategory, NoteKind

MONEY = {"max_digits": 12, "decimal_places": 2}


class CostLineOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    category = serializers.ChoiceField(choices=CostCategory.choices)
    category_label = serializers.CharField(source="get_category_display")
    amount = serializers.DecimalField(**MONEY, help_text="To the centime.")
    amount_chf = serializers.SerializerMethodField(help_text="As printed: whole francs, 497'138.")
    note = serializers.CharField()
    position = serializers.IntegerField()
    version = serializers.IntegerField()
    derived = serializers.SerializerMethodField(help_text="Computed, not typed.")

    def get_amount_chf(self, line) -> str:
        from budget.formatting import format_chf

        return format_chf(line.amount)

    def get_derived(self, line) -> bool:
        return line.category in self.context.get("derived", set())


class CostLineCreateSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=CostCategory.choices)
    amount = serializers.DecimalField(**MONEY, min_value=0)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class CostLineUpdateSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, help_text="The version you read.")
    amount = serializers.DecimalField(**MONEY, min_value=0, required=False)
    note = serializers.CharField(required=False, allow_blank=True)


class StaffPositionOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    share_of_time = serializers.DecimalField(max_digits=5, decimal_places=2)
    annual_cost = serializers.DecimalField(**MONEY, allow_null=True)
    position = serializers.IntegerField()
    version = serializers.IntegerField()


class StaffPositionCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    share_of_time = serializers.DecimalField(max_digits=5, decimal_places=2)
    annual_cost = serializers.DecimalField(**MONEY, required=False, allow_null=True, default=None)


class StaffPositionUpdateSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    title = serializers.CharField(max_length=200, required=False)
    share_of_time = serializers.DecimalField(max_digits=5, decimal_places=2, required=False)
    annual_cost = serializers.DecimalField(**MONEY, required=False, allow_null=True)


class InKindOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    item = serializers.CharField()
    provider = serializers.CharField()
    description = serializers.CharField()
    position = serializers.IntegerField()
    version = serializers.IntegerField()


class InKindCreateSerializer(serializers.Serializer):
    item = serializers.CharField(max_length=200)
    provider = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, default="")


class InKindUpdateSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    item = serializers.CharField(max_length=200, required=False)
    provider = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False, allow_blank=True)


class BudgetNoteOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=NoteKind.choices)
    text = serializers.CharField()
    from_travel_plan = serializers.BooleanField()
    position = serializers.IntegerField()
    version = serializers.IntegerField()


class BudgetNoteCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=NoteKind.choices)
    text = serializers.CharField(required=False, allow_blank=True, default="")
    from_travel_plan = serializers.BooleanField(required=False, default=False)


class BudgetNoteUpdateSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    text = serializers.CharField()


class BudgetNoteMoveSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    to = serializers.IntegerField(min_value=1, help_text="The new place, 1 = first.")


class ParametersOutputSerializer(serializers.Serializer):
    social_charges_rate = serializers.DecimalField(
        max_digits=5, decimal_places=2, allow_null=True, help_text="% of salaries"
    )
    long_haul_flights = serializers.IntegerField()
    short_or_medium_haul_flights = serializers.IntegerField()
    flights = serializers.IntegerField()
    flight_class = serializers.ChoiceField(choices=BudgetParameters.FlightClass.choices)
    version = serializers.IntegerField()


class ParametersInputSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    social_charges_rate = serializers.DecimalField(
        max_digits=5, decimal_places=2, allow_null=True, required=True
    )
    long_haul_flights = serializers.IntegerField(min_value=0, max_value=1000)
    short_or_medium_haul_flights = serializers.IntegerField(min_value=0, max_value=1000)
    flight_class = serializers.ChoiceField(
        choices=BudgetParameters.FlightClass.choices,
        default=BudgetParameters.FlightClass.ECONOMY,
    )


class ComparisonRowSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=CostCategory.choices)
    label = serializers.CharField()
    current = serializers.DecimalField(**MONEY, allow_null=True, source="current_rounded")
    previous = serializers.DecimalField(**MONEY, allow_null=True, source="previous_rounded")
    variance = serializers.DecimalField(**MONEY, allow_null=True)
    variance_percent = serializers.DecimalField(max_digits=8, decimal_places=1, allow_null=True)


class BudgetSummarySerializer(serializers.Serializer):
    year = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.CharField()
    total = serializers.DecimalField(**MONEY, help_text="budget_total: whole francs.")
    total_chf = serializers.CharField(help_text="As printed: 497'138.")


class BudgetDetailSerializer(BudgetSummarySerializer):
    previous_year = serializers.IntegerField(allow_null=True)
    previous_total = serializers.DecimalField(**MONEY, allow_null=True)
    total_variance = serializers.DecimalField(**MONEY, allow_null=True)
    total_variance_percent = serializers.DecimalField(
        max_digits=8, decimal_places=1, allow_null=True
    )
    comparison = ComparisonRowSerializer(many=True)
    lines = CostLineOutputSerializer(many=True)
    positions = StaffPositionOutputSerializer(many=True)
    in_kind = InKindOutputSerializer(many=True)
    notes = BudgetNoteOutputSerializer(many=True)
    assumptions = BudgetNoteOutputSerializer(many=True)
    parameters = ParametersOutputSerializer(allow_null=True)


class EnvelopeSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    amount = serializers.DecimalField(**MONEY, allow_null=True)
    source = serializers.CharField(required=False, allow_blank=True, default="CCM/CONF/2020/Rev.1")
    version = serializers.IntegerField(read_only=True)


class EnvelopeInputSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    amount = serializers.DecimalField(
        **MONEY, min_value=0, allow_null=True, help_text="null removes the year's figure"
    )
    source = serializers.CharField(required=False, allow_blank=True, default="CCM/CONF/2020/Rev.1")
    version = serializers.IntegerField(required=False, allow_null=True, default=None)

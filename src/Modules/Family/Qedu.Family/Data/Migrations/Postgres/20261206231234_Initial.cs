using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Family.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "family");

            migrationBuilder.CreateTable(
                name: "care_offers",
                schema: "family",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    term_starts = table.Column<DateOnly>(type: "date", nullable: false),
                    term_ends = table.Column<DateOnly>(type: "date", nullable: false),
                    enrol_until = table.Column<DateOnly>(type: "date", nullable: false),
                    weekdays = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    starts = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    ends = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    grades = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    activities = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    enrolled = table.Column<int>(type: "integer", nullable: false),
                    fee = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    subsidy = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_offers", x => x.id);
                    table.CheckConstraint("ck_care_offers_places", "enrolled >= 0 AND enrolled <= capacity");
                });

            migrationBuilder.CreateTable(
                name: "credit_learners",
                schema: "family",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_learners", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "credit_providers",
                schema: "family",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    accredited_on = table.Column<DateOnly>(type: "date", nullable: false),
                    accredited_until = table.Column<DateOnly>(type: "date", nullable: false),
                    accredited_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_providers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "care_attendance",
                schema: "family",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    offer_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    present = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_attendance", x => x.id);
                    table.ForeignKey(
                        name: "fk_care_attendance_care_offers_offer_id",
                        column: x => x.offer_id,
                        principalSchema: "family",
                        principalTable: "care_offers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "care_enrolments",
                schema: "family",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    offer_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    parent_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enrolled_on = table.Column<DateOnly>(type: "date", nullable: false),
                    withdrawn_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_enrolments", x => x.id);
                    table.ForeignKey(
                        name: "fk_care_enrolments_care_offers_offer_id",
                        column: x => x.offer_id,
                        principalSchema: "family",
                        principalTable: "care_offers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "credit_transcripts",
                schema: "family",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    learner_id = table.Column<long>(type: "bigint", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    total_credits = table.Column<decimal>(type: "numeric(8,1)", precision: 8, scale: 1, nullable: false),
                    outcomes = table.Column<int>(type: "integer", nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_transcripts", x => x.id);
                    table.ForeignKey(
                        name: "fk_credit_transcripts_credit_learners_learner_id",
                        column: x => x.learner_id,
                        principalSchema: "family",
                        principalTable: "credit_learners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "credit_outcomes",
                schema: "family",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    provider_id = table.Column<long>(type: "bigint", nullable: false),
                    learner_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    hours = table.Column<decimal>(type: "numeric(8,1)", precision: 8, scale: 1, nullable: true),
                    score = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: true),
                    achieved_on = table.Column<DateOnly>(type: "date", nullable: false),
                    credits = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    equivalence_group = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    rules_edition = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_outcomes", x => x.id);
                    table.ForeignKey(
                        name: "fk_credit_outcomes_credit_learners_learner_id",
                        column: x => x.learner_id,
                        principalSchema: "family",
                        principalTable: "credit_learners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_credit_outcomes_credit_providers_provider_id",
                        column: x => x.provider_id,
                        principalSchema: "family",
                        principalTable: "credit_providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_care_attendance_offer_id_day_student_id",
                schema: "family",
                table: "care_attendance",
                columns: new[] { "offer_id", "day", "student_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_care_attendance_org_unit_id",
                schema: "family",
                table: "care_attendance",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_care_enrolments_offer_id_student_id",
                schema: "family",
                table: "care_enrolments",
                columns: new[] { "offer_id", "student_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_care_enrolments_org_unit_id",
                schema: "family",
                table: "care_enrolments",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_care_enrolments_student_id",
                schema: "family",
                table: "care_enrolments",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_care_offers_org_unit_id_term_starts",
                schema: "family",
                table: "care_offers",
                columns: new[] { "org_unit_id", "term_starts" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_learners_phone",
                schema: "family",
                table: "credit_learners",
                column: "phone",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_credit_outcomes_learner_id",
                schema: "family",
                table: "credit_outcomes",
                column: "learner_id");

            migrationBuilder.CreateIndex(
                name: "ix_credit_outcomes_org_unit_id",
                schema: "family",
                table: "credit_outcomes",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_credit_outcomes_provider_id",
                schema: "family",
                table: "credit_outcomes",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_credit_providers_code",
                schema: "family",
                table: "credit_providers",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_credit_providers_org_unit_id",
                schema: "family",
                table: "credit_providers",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_credit_transcripts_code",
                schema: "family",
                table: "credit_transcripts",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_credit_transcripts_learner_id",
                schema: "family",
                table: "credit_transcripts",
                column: "learner_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "care_attendance",
                schema: "family");

            migrationBuilder.DropTable(
                name: "care_enrolments",
                schema: "family");

            migrationBuilder.DropTable(
                name: "credit_outcomes",
                schema: "family");

            migrationBuilder.DropTable(
                name: "credit_transcripts",
                schema: "family");

            migrationBuilder.DropTable(
                name: "care_offers",
                schema: "family");

            migrationBuilder.DropTable(
                name: "credit_providers",
                schema: "family");

            migrationBuilder.DropTable(
                name: "credit_learners",
                schema: "family");
        }
    }
}

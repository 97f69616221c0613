using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Family.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "family_care_offers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    term_starts = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    term_ends = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    enrol_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    weekdays = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    starts = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ends = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    grades = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    activities = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    enrolled = table.Column<int>(type: "INTEGER", nullable: false),
                    fee = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    subsidy = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_care_offers", x => x.id);
                    table.CheckConstraint("ck_care_offers_places", "enrolled >= 0 AND enrolled <= capacity");
                });

            migrationBuilder.CreateTable(
                name: "family_credit_learners",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_credit_learners", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "family_credit_providers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    accredited_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    accredited_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    accredited_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_credit_providers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "family_care_attendance",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    offer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    present = table.Column<bool>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_care_attendance", x => x.id);
                    table.ForeignKey(
                        name: "fk_family_care_attendance_care_offers_offer_id",
                        column: x => x.offer_id,
                        principalTable: "family_care_offers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "family_care_enrolments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    offer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    parent_account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    enrolled_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    withdrawn_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_care_enrolments", x => x.id);
                    table.ForeignKey(
                        name: "fk_family_care_enrolments_care_offers_offer_id",
                        column: x => x.offer_id,
                        principalTable: "family_care_offers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "family_credit_transcripts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    learner_id = table.Column<long>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    total_credits = table.Column<decimal>(type: "TEXT", precision: 8, scale: 1, nullable: false),
                    outcomes = table.Column<int>(type: "INTEGER", nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_credit_transcripts", x => x.id);
                    table.ForeignKey(
                        name: "fk_family_credit_transcripts_family_credit_learners_learner_id",
                        column: x => x.learner_id,
                        principalTable: "family_credit_learners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "family_credit_outcomes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    provider_id = table.Column<long>(type: "INTEGER", nullable: false),
                    learner_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    hours = table.Column<decimal>(type: "TEXT", precision: 8, scale: 1, nullable: true),
                    score = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: true),
                    achieved_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    credits = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: false),
                    equivalence_group = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    rules_edition = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_credit_outcomes", x => x.id);
                    table.ForeignKey(
                        name: "fk_family_credit_outcomes_credit_providers_provider_id",
                        column: x => x.provider_id,
                        principalTable: "family_credit_providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_family_credit_outcomes_family_credit_learners_learner_id",
                        column: x => x.learner_id,
                        principalTable: "family_credit_learners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_family_care_attendance_offer_id_day_student_id",
                table: "family_care_attendance",
                columns: new[] { "offer_id", "day", "student_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_family_care_attendance_org_unit_id",
                table: "family_care_attendance",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_care_enrolments_offer_id_student_id",
                table: "family_care_enrolments",
                columns: new[] { "offer_id", "student_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_family_care_enrolments_org_unit_id",
                table: "family_care_enrolments",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_care_enrolments_student_id",
                table: "family_care_enrolments",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_care_offers_org_unit_id_term_starts",
                table: "family_care_offers",
                columns: new[] { "org_unit_id", "term_starts" });

            migrationBuilder.CreateIndex(
                name: "ix_family_credit_learners_phone",
                table: "family_credit_learners",
                column: "phone",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_family_credit_outcomes_learner_id",
                table: "family_credit_outcomes",
                column: "learner_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_credit_outcomes_org_unit_id",
                table: "family_credit_outcomes",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_credit_outcomes_provider_id",
                table: "family_credit_outcomes",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_credit_providers_code",
                table: "family_credit_providers",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_family_credit_providers_org_unit_id",
                table: "family_credit_providers",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_credit_transcripts_code",
                table: "family_credit_transcripts",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_family_credit_transcripts_learner_id",
                table: "family_credit_transcripts",
                column: "learner_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "family_care_attendance");

            migrationBuilder.DropTable(
                name: "family_care_enrolments");

            migrationBuilder.DropTable(
                name: "family_credit_outcomes");

            migrationBuilder.DropTable(
                name: "family_credit_transcripts");

            migrationBuilder.DropTable(
                name: "family_care_offers");

            migrationBuilder.DropTable(
                name: "family_credit_providers");

            migrationBuilder.DropTable(
                name: "family_credit_learners");
        }
    }
}

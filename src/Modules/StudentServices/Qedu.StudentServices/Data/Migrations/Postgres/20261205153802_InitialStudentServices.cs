using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Qedu.StudentServices.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialStudentServices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "services");

            migrationBuilder.CreateTable(
                name: "change_limits",
                schema: "services",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    legal_days = table.Column<int>(type: "integer", nullable: false),
                    promised_days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_change_limits", x => x.kind);
                });

            migrationBuilder.CreateTable(
                name: "status_changes",
                schema: "services",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    student_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    student_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    student_revision = table.Column<long>(type: "bigint", nullable: false),
                    from_school_id = table.Column<int>(type: "integer", nullable: false),
                    from_district_id = table.Column<int>(type: "integer", nullable: true),
                    to_school_id = table.Column<int>(type: "integer", nullable: true),
                    to_district_id = table.Column<int>(type: "integer", nullable: true),
                    to_class_id = table.Column<long>(type: "bigint", nullable: true),
                    other_school = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    suspended_until = table.Column<DateOnly>(type: "date", nullable: true),
                    certificate_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    applicant = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    parent_account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    applicant_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_on = table.Column<DateOnly>(type: "date", nullable: false),
                    legal_days = table.Column<int>(type: "integer", nullable: false),
                    promised_days = table.Column<int>(type: "integer", nullable: false),
                    current_step = table.Column<int>(type: "integer", nullable: false),
                    step_count = table.Column<int>(type: "integer", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_status_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "change_pauses",
                schema: "services",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    change_id = table.Column<long>(type: "bigint", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    missing = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    answer = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_change_pauses", x => x.id);
                    table.ForeignKey(
                        name: "fk_change_pauses_status_changes_change_id",
                        column: x => x.change_id,
                        principalSchema: "services",
                        principalTable: "status_changes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "change_steps",
                schema: "services",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    change_id = table.Column<long>(type: "bigint", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    confirmed_large_class = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_change_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_change_steps_status_changes_change_id",
                        column: x => x.change_id,
                        principalSchema: "services",
                        principalTable: "status_changes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                schema: "services",
                table: "change_limits",
                columns: new[] { "kind", "legal_days", "promised_days" },
                values: new object[,]
                {
                    { "Resumption", 10, 3 },
                    { "Suspension", 10, 3 },
                    { "Transfer", 10, 5 },
                    { "TransferOut", 10, 5 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_change_pauses_change_id",
                schema: "services",
                table: "change_pauses",
                column: "change_id");

            migrationBuilder.CreateIndex(
                name: "ix_change_steps_change_id_sequence",
                schema: "services",
                table: "change_steps",
                columns: new[] { "change_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_change_steps_org_unit_id_decision",
                schema: "services",
                table: "change_steps",
                columns: new[] { "org_unit_id", "decision" });

            migrationBuilder.CreateIndex(
                name: "ix_status_changes_from_school_id",
                schema: "services",
                table: "status_changes",
                column: "from_school_id");

            migrationBuilder.CreateIndex(
                name: "ix_status_changes_number",
                schema: "services",
                table: "status_changes",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_status_changes_one_open_per_student",
                schema: "services",
                table: "status_changes",
                column: "student_id",
                unique: true,
                filter: "state IN ('UnderReview', 'Returned')");

            migrationBuilder.CreateIndex(
                name: "ix_status_changes_parent_account_id",
                schema: "services",
                table: "status_changes",
                column: "parent_account_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "change_limits",
                schema: "services");

            migrationBuilder.DropTable(
                name: "change_pauses",
                schema: "services");

            migrationBuilder.DropTable(
                name: "change_steps",
                schema: "services");

            migrationBuilder.DropTable(
                name: "status_changes",
                schema: "services");
        }
    }
}

#!/usr/bin/env bash
# Regenerates the checked-in accessor classes of ProblemText and NameText after a .resx changed
# (ResourceKeyTests fails until this is run).
set -euo pipefail
cd "$(dirname "$0")/.."
web=src/Shegong.Web
dotnet build "$web" --nologo -v quiet -p:RegenerateResxDesigner=true -p:IntermediateOutputPath=obj/resx-designer/
for name in ProblemText NameText; do
  cp "$web/obj/resx-designer/$name.Designer.cs" "$web/Resources/Common/$name.Designer.cs"
done
# Leave the normal build's outputs to the normal build.
dotnet build "$web" --nologo -v quiet >/dev/null

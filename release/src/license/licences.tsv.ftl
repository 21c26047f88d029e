<#-- license-maven-plugin template: one line per third-party artifact, read by ReleaseInventory:
     groupId:artifactId:version <TAB> licence|licence <TAB> project name -->
<#list dependencyMap as e>
<#assign p = e.getKey()/>
${p.groupId}:${p.artifactId}:${p.version}	<#list e.getValue() as l>${l}<#if l_has_next>|</#if></#list>	${(p.name!p.artifactId)?replace("\t", " ")?replace("\n", " ")}
</#list>

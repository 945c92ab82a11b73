""" "Klopt er iets niet?": corrections from the public on aanbod, organisatie and regeling pages."""

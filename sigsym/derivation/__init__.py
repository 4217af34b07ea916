"""Step-by-step derivatives: the rules, the routes, higher derivatives and worked examples."""
